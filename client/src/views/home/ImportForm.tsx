import { createSignal, Show } from 'solid-js';
import { importProblemText } from '@wcb/shared/harvest';
import { ImportError } from '@wcb/shared/harvest';
import { locale, t } from '../../i18n';
import { navigate } from '../../lib/router';
import type { ImportedLocal } from './import-results';
import { ImportRepairs } from './ImportRepairs';
import { keepOwnSession, openOwnSession } from './open-own-session';
import { InsecureContextError } from '../../sync/own-session';

/**
 * "Import results": a session file (JSON), a results CSV or a seed-003 file becomes a new local
 * session, opened exactly like one created from a template: this browser is its facilitator.
 */
export function ImportForm(props: { beforeCreate: () => void }) {
  const [busy, setBusy] = createSignal(false);
  // The error itself, not its text: it is worded when shown, so it follows a language switch.
  // Boxed, so even a thrown falsy value still shows as a failure.
  const [error, setError] = createSignal<{ cause: unknown } | null>(null);
  // An import that had to repair or leave out records: kept and registering, the board opens once they were read.
  const [repaired, setRepaired] = createSignal<ImportedLocal | null>(null);

  const importChosen = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file || busy()) return;
    props.beforeCreate();
    setBusy(true);
    setError(null);
    try {
      const { importResultsFile } = await import('./import-results');
      const imported = await importResultsFile(file);
      const { own, title, language, repairs } = imported;
      if (repairs.length === 0) return openOwnSession(own, { title, language });
      keepOwnSession(own, { title, language });
      setRepaired(imported);
    } catch (e) {
      setError({ cause: e });
      setBusy(false);
      // The same file, fixed and chosen again, must fire another change event.
      input.value = '';
    }
  };

  return (
    <section class="home-card" aria-labelledby="home-import">
      <h2 id="home-import">{t('home.import')}</h2>
      <Show
        when={repaired()}
        fallback={
          <label class="field">
            <span>{busy() ? t('home.importing') : t('home.import')}</span>
            <input
              data-testid="home.import"
              type="file"
              accept=".json,.csv,application/json,text/csv"
              disabled={busy()}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={error() ? 'home-import-error' : 'home-import-hint'}
              onChange={(e) => void importChosen(e.currentTarget)}
            />
            <small id="home-import-hint">{t('home.importHint')}</small>
          </label>
        }
      >
        {(done) => <ImportRepairs repairs={done().repairs} onOpen={() => navigate(`/s/${done().own.id}`)} />}
      </Show>
      <Show when={error()}>
        {(failed) => (
          <p id="home-import-error" class="home-error" role="alert" data-testid="home.import-error">
            {errorText(failed().cause)}
          </p>
        )}
      </Show>
    </section>
  );
}

/** Reads locale() (and t() does too), so the message is re-worded when the interface language changes. */
function errorText(e: unknown): string {
  if (e instanceof InsecureContextError) return t('home.insecureContext');
  if (!(e instanceof ImportError)) return t('home.importFailed', { message: e instanceof Error ? e.message : String(e) });
  return t('home.importError', importProblemText(e, locale()));
}
