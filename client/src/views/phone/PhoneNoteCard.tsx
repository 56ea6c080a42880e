import { createEffect, onCleanup, Show } from 'solid-js';
import type { Note } from '@wcb/shared';
import { t } from '../../i18n';
import { NoteEditor } from '../board/NoteEditor';
import { usePhone } from './context';
import { PhoneCardTools } from './PhoneCardTools';
import { PhoneCardVotes } from './PhoneCardVotes';

/**
 * One note as a full-width card: its whole text (wrapped, never cut), who wrote it and where,
 * and while voting its dot buttons. A tap on the text opens the card for writing; the open card
 * shows its tools (colour, author, order of steps, delete, done).
 */
export function PhoneNoteCard(props: { note: Note; number?: number; first: boolean; last: boolean }) {
  const phone = usePhone();
  let el!: HTMLLIElement;
  const id = () => props.note.id;
  const open = () => phone.editing.open() === id();
  const editing = () => phone.editing.editing() === id();
  const table = () => phone.session.session.tables.find((x) => x.id === props.note.table)?.name ?? '';
  const selected = () => phone.session.facilitation.criteria.isSelected(phone.phase.phaseId, props.note.topic, id());
  const proposed = () => phone.votes()?.proposed.get(props.note.topic)?.includes(id()) ?? false;
  const stackCount = () => phone.stacks().count.get(id()) ?? 1;
  const member = () => (phone.stacks().headOf.get(id()) ?? id()) !== id();
  const newSince = () => (phone.session.newSince.shown() ? phone.session.newSince.ids().has(id()) : null);
  // An opened card (a new note above all) comes into view, above the keyboard that is opening.
  createEffect(() => {
    if (editing()) el.scrollIntoView({ block: 'nearest' });
  });
  // eslint-disable-next-line solid/reactivity -- a card is keyed by its note.
  const noteId = props.note.id;
  // Deleted by someone else, or scrolled out of the list by a topic switch: its editing ends.
  onCleanup(() => phone.editing.stopEditing(noteId));
  /** Closes the card; from the keyboard (Escape, Ctrl+Enter, "Done"), focus goes back to its text. */
  const close = (refocus: boolean) => {
    phone.editing.close();
    if (refocus) el.querySelector<HTMLElement>('[data-testid="note.text-button"]')?.focus();
  };
  return (
    <li
      ref={el}
      class="phone-card"
      classList={{ 'is-open': open(), 'is-stacked-member': member(), 'is-new-since': newSince() === true, 'is-not-new-since': newSince() === false }}
      data-testid="note"
      data-note-id={id()}
      data-topic-id={props.note.topic}
      data-color={props.note.color}
      style={{ '--note-bg': `var(--note-${props.note.color})` }}
    >
      <div class="phone-card-meta">
        <Show when={props.number}>
          <span class="phone-card-number" data-testid="steps.number">
            {props.number}
          </span>
        </Show>
        <span class="phone-card-author" data-testid="note.author" data-author={props.note.author}>
          {props.note.author || t('note.anonymous')}
        </span>
        <Show when={table()}>
          <span class="phone-card-tag" data-testid="note.table">
            {table()}
          </span>
        </Show>
        <Show when={stackCount() > 1}>
          <span class="phone-card-tag" data-testid="note.stack-count" title={t('note.stackTitle', { count: stackCount() })}>
            {t('note.stackCount', { count: stackCount() })}
          </span>
        </Show>
        <Show when={newSince()}>
          <span class="phone-card-tag is-new" data-testid="note.new-since">
            {t('note.newSince')}
          </span>
        </Show>
        <Show when={selected()}>
          <span class="phone-card-tag is-selected" data-testid="note.selected" data-note-id={id()}>
            ✓ {t('note.selected')}
          </span>
        </Show>
        <Show when={!selected() && proposed()}>
          <span class="phone-card-tag" data-testid="note.proposed">
            {t('note.proposed')}
          </span>
        </Show>
      </div>
      <Show
        when={editing()}
        fallback={
          <button
            type="button"
            class="phone-card-text"
            data-testid="note.text-button"
            disabled={phone.readOnly()}
            aria-description={phone.readOnly() ? undefined : t('note.edit')}
            onClick={() => phone.editing.edit(id())}
          >
            <span data-testid="note.text">{props.note.text}</span>
            <Show when={!props.note.text}>
              <span class="phone-card-empty">{t('note.empty')}</span>
            </Show>
          </button>
        }
      >
        <NoteEditor
          text={props.note.text}
          takeEarly={phone.takeEarly}
          onInput={(text) => phone.phase.actions.setText(id(), text)}
          onDone={(refocus) => (refocus ? close(true) : phone.editing.stopEditing(id()))}
        />
      </Show>
      <PhoneCardVotes id={id()} />
      <Show when={open() && !phone.readOnly()}>
        <PhoneCardTools note={props.note} number={props.number} first={props.first} last={props.last} onDone={() => close(true)} />
      </Show>
    </li>
  );
}
