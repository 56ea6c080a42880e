import { For, Show } from 'solid-js';
import { NOTE_COLORS, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import { loadPrefs, savePrefs } from '../../lib/prefs';
import { toggledAuthor } from '../../lib/seat';
import { browserStore } from '../../lib/storage';
import { usePhone } from './context';

/**
 * The tools of an open card, each a finger's size: colour, name or anonymous, a step's place in
 * its list, ungroup a stack, delete, and done. They wrap onto a second row rather than shrink.
 */
export function PhoneCardTools(props: { note: Note; number?: number; first: boolean; last: boolean; onDone: () => void }) {
  const phone = usePhone();
  const id = () => props.note.id;
  const actions = () => phone.phase.actions;
  const stacked = () => (phone.stacks().count.get(id()) ?? 1) > 1;
  const recolor = (color: Note['color']) => {
    actions().recolor(id(), color);
    savePrefs(browserStore(), { noteColor: color });
  };
  const remove = () => {
    phone.editing.close();
    actions().remove(id());
    // Focus goes on to where the next note is written, not to the page.
    document.querySelector<HTMLElement>('[data-testid="phone.add-note"]')?.focus();
  };
  return (
    // A press here keeps the focus in the text field: the keyboard stays up, and the card does not
    // change height under the finger between the press and the tap.
    <div class="phone-card-tools" role="group" aria-label={t('note.edit')} onMouseDown={(e) => e.preventDefault()}>
      <div class="phone-swatches" role="group" aria-label={t('phone.colour')}>
        <For each={NOTE_COLORS}>
          {(color) => (
            <button
              type="button"
              class="phone-swatch"
              data-testid="note.color"
              data-color={color}
              style={{ '--swatch': `var(--note-${color})` }}
              aria-label={t('note.color', { color: t(`color.${color}`) })}
              aria-pressed={props.note.color === color}
              onClick={() => recolor(color)}
            />
          )}
        </For>
      </div>
      <button
        type="button"
        class="btn phone-tool"
        data-testid="note.author-toggle"
        aria-pressed={!props.note.author}
        onClick={() => actions().setAuthor(id(), toggledAuthor(props.note.author, loadPrefs(browserStore()).name))}
      >
        {t('seat.anonymous')}
      </button>
      <Show when={props.number}>
        {(n) => (
          <>
            <button type="button" class="btn phone-tool" data-testid="steps.up" aria-label={t('phone.stepUp', { n: n() })} disabled={props.first} onClick={() => actions().moveStepBy(id(), -1)}>
              ↑
            </button>
            <button type="button" class="btn phone-tool" data-testid="steps.down" aria-label={t('phone.stepDown', { n: n() })} disabled={props.last} onClick={() => actions().moveStepBy(id(), 1)}>
              ↓
            </button>
          </>
        )}
      </Show>
      <Show when={stacked()}>
        <button type="button" class="btn phone-tool" data-testid="note.ungroup" onClick={() => actions().ungroup(id())}>
          {t('note.ungroup')}
        </button>
      </Show>
      <button type="button" class="btn phone-tool is-danger" data-testid="note.delete" onClick={remove}>
        {t('note.delete')}
      </button>
      <button type="button" class="btn btn-primary phone-tool" data-testid="phone.card-done" onClick={() => props.onDone()}>
        {t('phone.done')}
      </button>
    </div>
  );
}
