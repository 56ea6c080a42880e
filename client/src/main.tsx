import { render } from 'solid-js/web';
import { App } from './views/App';
import { startServiceWorker } from './pwa';
import { detectLocale, setLocale, t } from './i18n';
import { loadPrefs, savedUiLanguage } from './lib/prefs';
import { browserStore } from './lib/storage';
import './styles/base.css';
import { contrastTheme } from './views/board/contrast';

startServiceWorker();
// Before the first paint: the high-contrast theme (a choice or the system's) must not flash by.
contrastTheme();
const store = browserStore();
// The language's dictionary is loaded before the first render: a Ukrainian or Russian user never
// sees the English interface flash by (English itself is already in this chunk).
const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
await setLocale(detectLocale(savedUiLanguage(store), languages));
// On a first visit this makes up the device's guest name, in the interface language ("Гість 42").
loadPrefs(store, Math.random, t('home.guest'));
render(() => <App />, document.getElementById('app')!);
