import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import './seat.css';

/**
 * The device's seat in the café: which table it joined as (kept per session on this device), an
 * anonymous toggle for a shared laptop, for a table host the notes new since the last round, and
 * while voting runs on this phase how many dots are left.
 */
export function SeatControls(props: { session: Session }) {
  const s = () => props.session;
  const tableName = () => s().session.tables.find((table) => table.id === s().seat().table)?.name ?? '';
  const votingHere = () => {
    const v = s().voting();
    return v && v.open && s().votes() ? v : null;
  };
  const left = () => {
    const v = votingHere();
    const voter = s().voter();
    const room = s().votes();
    return v && voter && room ? room.mine(voter, v.budget).left : 0;
  };
  // A viewer writes nothing and places no dots: a seat would only offer controls that do nothing.
  return (
    <Show when={s().role() !== 'viewer'}>
      <div class="seat" data-testid="board.seat">
        <Show when={tableName()}>
          <span class="seat-table-name" data-testid="board.table-name">
            {tableName()}
          </span>
        </Show>
        <select
          class="seat-picker"
          data-testid="board.table-picker"
          aria-label={t('seat.table')}
          title={t('seat.table')}
          value={s().seat().table}
          onChange={(e) => s().setSeat({ table: e.currentTarget.value })}
        >
          <option value="">{t('seat.noTable')}</option>
          <For each={s().session.tables}>{(table) => <option value={table.id}>{table.name}</option>}</For>
        </select>
        <button
          class="btn seat-anonymous"
          data-testid="board.anonymous"
          aria-pressed={s().seat().anonymous}
          title={t('seat.anonymousTitle')}
          onClick={() => s().setSeat({ anonymous: !s().seat().anonymous })}
        >
          {t('seat.anonymous')}
        </button>
        <Show when={s().newSince.available()}>
          <button
            class="btn seat-new-since"
            data-testid="seat.new-since"
            data-count={s().newSince.ids().size}
            aria-pressed={s().newSince.shown()}
            title={t('seat.newSinceTitle')}
            onClick={() => s().newSince.setShown(!s().newSince.shown())}
          >
            {t('seat.newSince', { count: s().newSince.ids().size })}
          </button>
        </Show>
        <Show when={votingHere()}>
          {(v) => (
            <Show
              when={s().voter()}
              fallback={
                <span class="seat-dots is-missing" data-testid="board.pick-table">
                  {t('vote.pickTable')}
                </span>
              }
            >
              <span class="seat-dots" data-testid="board.dots-left" data-left={left()} data-budget={v().budget}>
                {t('vote.left', { left: left(), budget: v().budget })}
              </span>
            </Show>
          )}
        </Show>
      </div>
    </Show>
  );
}
