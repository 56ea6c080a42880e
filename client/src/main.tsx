import { render } from 'solid-js/web';
import { App } from './views/App';
import { startServiceWorker } from './pwa';
import { detectLocale, setLocale, t } from './i18n';
import { loadPrefs, savedUiLanguage, setGuestWord } from './lib/prefs';
import { browserStore } from './lib/storage';
import { matchRoute } from './lib/router';
import './styles/base.css';
import { contrastTheme } from './views/board/contrast';
import { markOpen } from './sync/open-marks';

markOpen('app');
// A board link: its rooms are read from IndexedDB and its chunk loads while the app starts
// (language, first render), not one after the other.
const route = matchRoute(location.pathname);
if (route.name === 'board') {
  // A chunk that fails to load here is reported by the board's own import.
  import('./sync/preload-board').then((m) => m.preloadBoard(route.sessionId)).catch(() => {});
  import('./views/board/BoardPage').catch(() => {});
}
startServiceWorker();
// Before the first paint: the high-contrast theme (a choice or the system's) must not flash by.
contrastTheme();
const store = browserStore();
// The language's dictionary is loaded before the first render: a Ukrainian or Russian user never
// sees the English interface flash by (English itself is already in this chunk).
const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
await setLocale(detectLocale(savedUiLanguage(store), languages));
// A guest's name is said in the interface language ("Гість 42"), and follows a switch of it.
setGuestWord(() => t('home.guest'));
// On a first visit this makes up the device's guest number and colour.
loadPrefs(store);
render(() => <App />, document.getElementById('app')!);
