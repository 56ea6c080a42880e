import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { repairLine } from '../repair-names';
import { Banner } from './Banner';
import './control-repairs.css';

/**
 * Says what this device repaired or left out of its own copy of the session's setup when the
 * session opened (session-control.ts), in the words the import's notice uses: the facilitator
 * learns that a record an older version stored was cut or dropped, instead of a board that can
 * no longer share setup changes. Shown until read; the server's wording of each problem is a
 * tooltip.
 */
export function ControlRepairsNotice(props: { session: Session }) {
  const [read, setRead] = createSignal(0);
  // A later repair (after the first sync) shows the notice again, with everything repaired so far.
  const unread = () => props.session.controlRepairs().length > read();
  return (
    <Show when={unread()}>
      <Banner kind="info" reason="repaired">
        <div class="repairs-notice" data-testid="board.repairs">
          <p class="banner-text">{t('board.repaired', { count: props.session.controlRepairs().length })}</p>
          <ul class="repairs-list">
            <For each={props.session.controlRepairs()}>
              {(repair) => (
                <li title={repair.problem} data-testid="board.repair" data-path={repair.path} data-action={repair.action}>
                  {repairLine(repair)}
                </li>
              )}
            </For>
          </ul>
          <button class="btn repairs-dismiss" type="button" data-testid="board.repairs-dismiss" onClick={() => setRead(props.session.controlRepairs().length)}>
            {t('board.repairedDismiss')}
          </button>
        </div>
      </Banner>
    </Show>
  );
}
