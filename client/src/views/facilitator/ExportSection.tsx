import { createSignal, For, Show, untrack } from 'solid-js';
import { EXPORT_FORMATS, type DocumentOptions, type ExportFormat } from '@wcb/shared/harvest';
import { t } from '../../i18n';
import { loadCredentials } from '../../lib/credentials';
import { loadExportOptions, saveExportOptions } from '../../lib/export-prefs';
import { browserStore } from '../../lib/storage';
import type { Session } from '../../sync/session';
import { BoardPictures } from './BoardPictures';
import { ExportOptions } from './ExportOptions';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; format: ExportFormat; done: number; total: number }
  | { kind: 'done'; fileName: string; stale: number }
  | { kind: 'failed'; message: string };

/** The results document, one click per format. Works offline from what this device holds. */
export function ExportSection(props: { session: Session }) {
  const [status, setStatus] = createSignal<Status>({ kind: 'idle' });
  const busy = () => status().kind === 'working';
  // Remembered per session on this device (lib/export-prefs.ts says why not in the session).
  const [options, setOptions] = createSignal<DocumentOptions>(untrack(() => loadExportOptions(browserStore(), props.session.id)));
  const change = (patch: Partial<DocumentOptions>) => setOptions(saveExportOptions(browserStore(), props.session.id, patch));

  const run = async (format: ExportFormat) => {
    setStatus({ kind: 'working', format, done: 0, total: props.session.session.phases.length });
    try {
      // Lazy: the renderers are not part of the board's first load.
      const { exportSession } = await import('../../export/run');
      const token = loadCredentials(browserStore(), props.session.id)?.token;
      const result = await exportSession(props.session.id, props.session.controlDoc, token, format, options(), (p) =>
        setStatus({ kind: 'working', format, ...p }),
      );
      setStatus({ kind: 'done', fileName: result.fileName, stale: result.stale.length });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="fac-section" aria-labelledby="fac-export">
      <h3 id="fac-export">{t('export.title')}</h3>
      <p class="fac-hint">{t('export.hint')}</p>
      <ExportOptions session={props.session} options={options()} onChange={change} />
      <div class="fac-inline" role="group" aria-label={t('export.title')}>
        <For each={EXPORT_FORMATS}>
          {(format) => (
            <button class="btn" data-testid="export.format" data-format={format} disabled={busy()} onClick={() => void run(format)}>
              {t(`export.${format}`)}
            </button>
          )}
        </For>
      </div>
      <BoardPictures session={props.session} />
      <p class="fac-status" data-testid="export.status" data-status={status().kind} role="status" aria-live="polite">
        <Show when={status().kind === 'working' && (status() as Extract<Status, { kind: 'working' }>)}>
          {(s) => t('export.working', { done: s().done, total: s().total })}
        </Show>
        <Show when={status().kind === 'done' && (status() as Extract<Status, { kind: 'done' }>)}>
          {(s) => (s().stale ? t('export.doneStale', { file: s().fileName, n: s().stale }) : t('export.done', { file: s().fileName }))}
        </Show>
        <Show when={status().kind === 'failed' && (status() as Extract<Status, { kind: 'failed' }>)}>
          {(s) => t('export.failed', { message: s().message })}
        </Show>
      </p>
    </section>
  );
}
