import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import { loadPrefs, MAX_NAME, savePrefs } from '../../lib/prefs';
import { browserStore } from '../../lib/storage';
import type { Session } from '../../sync/session';

/**
 * Who this phone writes as: the name on new notes, the table it sits at (notes carry it, and
 * per-table voting needs it), anonymous writing, and for a table host what is new since the last
 * round. The board shows the same beside its question (SeatControls).
 */
export function PhoneSeat(props: { session: Session }) {
  const s = () => props.session;
  const store = browserStore();
  const [name, setName] = createSignal(loadPrefs(store).name);
  return (
    <section class="phone-menu-section" aria-labelledby="phone-menu-you">
      <h3 id="phone-menu-you">{t('phone.you')}</h3>
      <label class="phone-field">
        <span>{t('home.name')}</span>
        <input
          type="text"
          data-testid="phone.name"
          maxLength={MAX_NAME}
          autocomplete="name"
          value={name()}
          onChange={(e) => setName(savePrefs(store, { name: e.currentTarget.value }, t('home.guest')).name)}
        />
        <span class="phone-field-hint">{t('phone.nameHint')}</span>
      </label>
      <label class="phone-field">
        <span>{t('seat.table')}</span>
        <select data-testid="board.table-picker" value={s().seat().table} onChange={(e) => s().setSeat({ table: e.currentTarget.value })}>
          <option value="">{t('seat.noTable')}</option>
          <For each={s().session.tables}>{(table) => <option value={table.id}>{table.name}</option>}</For>
        </select>
      </label>
      <button
        type="button"
        class="btn phone-wide"
        data-testid="board.anonymous"
        aria-pressed={s().seat().anonymous}
        onClick={() => s().setSeat({ anonymous: !s().seat().anonymous })}
      >
        {t('seat.anonymousTitle')}
      </button>
      <Show when={s().newSince.available()}>
        <button
          type="button"
          class="btn phone-wide"
          data-testid="seat.new-since"
          data-count={s().newSince.ids().size}
          aria-pressed={s().newSince.shown()}
          onClick={() => s().newSince.setShown(!s().newSince.shown())}
        >
          {t('seat.newSince', { count: s().newSince.ids().size })}
        </button>
      </Show>
    </section>
  );
}
