import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';

type Format = 'svg' | 'png';
const FORMATS: readonly Format[] = ['svg', 'png'];

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; done: number; total: number }
  | { kind: 'done'; files: number; stale: number }
  | { kind: 'failed'; message: string };

/** Each board phase as a picture (one file per phase), for reports and slides. */
export function BoardPictures(props: { session: Session }) {
  const [status, setStatus] = createSignal<Status>({ kind: 'idle' });
  const busy = () => status().kind === 'working';

  const run = async (format: Format) => {
    setStatus({ kind: 'working', done: 0, total: props.session.session.phases.length });
    try {
      // Lazy: drawing and rasterising are not part of the board's first load.
      const { downloadBoardPictures } = await import('../../export/pictures');
      const result = await downloadBoardPictures(props.session, format, (p) => setStatus({ kind: 'working', ...p }));
      setStatus({ kind: 'done', files: result.files.length, stale: result.stale.length });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div class="fac-pictures">
      <div class="fac-inline" role="group" aria-label={t('export.pictures')}>
        <For each={FORMATS}>
          {(format) => (
            <button class="btn" data-testid="export.pictures" data-format={format} disabled={busy()} onClick={() => void run(format)}>
              {t(format === 'svg' ? 'export.picturesSvg' : 'export.picturesPng')}
            </button>
          )}
        </For>
      </div>
      <p class="fac-status" data-testid="export.pictures-status" data-status={status().kind} role="status" aria-live="polite">
        <Show when={status().kind === 'working' && (status() as Extract<Status, { kind: 'working' }>)}>
          {(s) => t('export.picturesWorking', { done: s().done, total: s().total })}
        </Show>
        <Show when={status().kind === 'done' && (status() as Extract<Status, { kind: 'done' }>)}>
          {(s) => (s().stale ? t('export.picturesDoneStale', { n: s().files, stale: s().stale }) : t('export.picturesDone', { n: s().files }))}
        </Show>
        <Show when={status().kind === 'failed' && (status() as Extract<Status, { kind: 'failed' }>)}>
          {(s) => t('export.picturesFailed', { message: s().message })}
        </Show>
      </p>
    </div>
  );
}
