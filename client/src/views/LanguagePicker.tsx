import { For, Show } from 'solid-js';
import { LANGUAGES, type Language } from '@wcb/shared';
import { locale, setLocale, t } from '../i18n';
import { savePrefs } from '../lib/prefs';
import { browserStore } from '../lib/storage';
import './language-picker.css';

/**
 * The interface language, switched live and remembered on this device. It is independent of a
 * session's language, which decides the template texts and the exported documents.
 */
export function LanguagePicker(props: { compact?: boolean }) {
  const choose = async (next: Language) => {
    savePrefs(browserStore(), { uiLanguage: next });
    await setLocale(next);
  };
  return (
    <label class="lang-picker" classList={{ 'lang-picker-compact': props.compact }} title={props.compact ? t('i18n.language') : undefined}>
      <GlobeIcon />
      <span class={props.compact ? 'visually-hidden' : undefined}>{t('i18n.language')}</span>
      {/* Compact: the language's short code on show, the native select (full names) laid over it. */}
      <Show when={props.compact}>
        <span class="lang-picker-code" aria-hidden="true">
          {t(`lang.short.${locale()}`)}
        </span>
      </Show>
      <select data-testid="i18n.language" value={locale()} onChange={(e) => void choose(e.currentTarget.value as Language)}>
        {/* Each language in its own name and with its own lang, so a screen reader says it right. */}
        <For each={LANGUAGES}>
          {(lang) => (
            <option value={lang} lang={lang}>
              {t(`lang.${lang}`)}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}

function GlobeIcon() {
  return (
    <svg class="lang-picker-icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="1.8" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" fill="none" stroke="currentColor" stroke-width="1.8" />
    </svg>
  );
}
