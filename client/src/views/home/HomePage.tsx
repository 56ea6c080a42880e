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
  // The name this person chose; empty while they are a guest (the guest name shows as placeholder).
  const [name, setName] = createSignal(loadPrefs(store).chosenName);
  const guest = loadPrefs(store).guest;
  const save = (typed: string) => setName(savePrefs(store, { name: typed }).chosenName);
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
                placeholder={`${t('home.guest')} ${guest}`}
                onInput={(e) => setName(e.currentTarget.value)}
                // Saved on change, not per keystroke: an emptied field falls back to a guest name.
                onChange={(e) => save(e.currentTarget.value)}
              />
              <small>{t('home.nameHint')}</small>
            </label>
          </section>
          <NewSessionForm
            beforeCreate={() => {
              // The name field may still hold an unsaved edit when "Create" is clicked.
              save(name());
            }}
          />
        </div>
        <div class="home-column">
          <JoinForm />
          <ImportForm beforeCreate={() => save(name())} />
          <RecentSessions />
        </div>
      </div>
    </main>
  );
}
