import { createSignal, For, Show } from 'solid-js';
import { KIT_PAPERS, type KitPaper } from '@wcb/shared';
import { t } from '../../i18n';
import { strongestConfirmed } from '../../lib/credentials';
import { browserStore } from '../../lib/storage';
import type { Session } from '../../sync/session';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

/** "Print table kit": tent cards, the room poster and the facilitator sheet, built on this device. */
export function KitSection(props: { session: Session }) {
  const [paper, setPaper] = createSignal<KitPaper>('a4');
  const [status, setStatus] = createSignal<Status>({ kind: 'idle' });
  const credentials = () => strongestConfirmed(browserStore(), props.session.id);
  const canPrint = () => !!props.session.share?.links() && credentials()?.role === 'facilitator';

  const print = async () => {
    const held = credentials();
    if (!held) return;
    setStatus({ kind: 'working' });
    try {
      // Lazy: pdf-lib and the QR encoder load only when someone prints.
      const { printKit } = await import('../../export/kit');
      setStatus({ kind: 'done', fileName: await printKit(props.session.id, props.session.controlDoc, held, paper()) });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="fac-section" aria-labelledby="fac-kit" data-testid="kit.section">
      <h3 id="fac-kit">{t('kit.title')}</h3>
      <p class="fac-hint">{t('kit.hint')}</p>
      <Show when={canPrint()} fallback={<p class="fac-hint" data-testid="kit.noLinks">{t('kit.noLinks')}</p>}>
        <div class="fac-inline">
          <label class="fac-field">
            <span>{t('kit.paper')}</span>
            <select data-testid="kit.paper" value={paper()} onChange={(e) => setPaper(e.currentTarget.value as KitPaper)}>
              <For each={KIT_PAPERS}>{(p) => <option value={p}>{t(`kit.${p}`)}</option>}</For>
            </select>
          </label>
          <button class="btn" data-testid="kit.print" disabled={status().kind === 'working'} onClick={() => void print()}>
            {t('kit.print')}
          </button>
        </div>
      </Show>
      <p class="fac-status" data-testid="kit.status" data-status={status().kind} role="status" aria-live="polite">
        <Show when={status().kind === 'working'}>{t('kit.working')}</Show>
        <Show when={status().kind === 'done' && (status() as Extract<Status, { kind: 'done' }>)}>{(s) => t('kit.done', { file: s().fileName })}</Show>
        <Show when={status().kind === 'failed' && (status() as Extract<Status, { kind: 'failed' }>)}>{(s) => t('kit.failed', { message: s().message })}</Show>
      </p>
    </section>
  );
}
