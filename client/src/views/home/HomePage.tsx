import { createEffect, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { loadPrefs, MAX_NAME, savePrefs } from '../../lib/prefs';
import { browserStore } from '../../lib/storage';
import { LanguagePicker } from '../LanguagePicker';
import { ImportForm } from './ImportForm';
import { JoinForm } from './JoinForm';
import { NewSessionForm } from './NewSessionForm';
import { RecentSessions } from './RecentSessions';
import './home.css';

export function HomePage() {
  const store = browserStore();
  const [name, setName] = createSignal(loadPrefs(store).name);
  createEffect(() => (document.title = t('app.name')));
  return (
    <main class="home">
      <header class="home-header">
        <img class="home-logo" src="/icon.svg" alt="" width="48" height="48" />
        <div class="home-heading">
          <h1>{t('app.name')}</h1>
          <p class="home-tagline">{t('app.tagline')}</p>
        </div>
        <div class="home-language">
          <LanguagePicker />
        </div>
      </header>

      <div class="home-grid">
        <div class="home-column">
          <section class="home-card home-you" aria-labelledby="home-you">
            <h2 id="home-you">{t('home.you')}</h2>
            <label class="field">
              <span>{t('home.name')}</span>
              <input
                data-testid="home.name"
                type="text"
                autocomplete="nickname"
                maxLength={MAX_NAME}
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
                // Saved on change, not per keystroke: an emptied field falls back to a guest name.
                onChange={(e) => setName(savePrefs(store, { name: e.currentTarget.value }, t('home.guest')).name)}
              />
              <small>{t('home.nameHint')}</small>
            </label>
          </section>
          <NewSessionForm
            beforeCreate={() => {
              // The name field may still hold an unsaved edit when "Create" is clicked.
              savePrefs(store, { name: name() }, t('home.guest'));
            }}
          />
        </div>
        <div class="home-column">
          <JoinForm />
          <ImportForm beforeCreate={() => savePrefs(store, { name: name() }, t('home.guest'))} />
          <RecentSessions />
        </div>
      </div>
    </main>
  );
}
