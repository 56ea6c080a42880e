import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Session } from '../../sync/session';

/**
 * Which card of the phone's list is open (its toolbar shown) and which one is being typed in.
 * A card stays open when its editor loses focus (a tap on a colour blurs the text field first),
 * and closes with "Done", another card, or a new note. One editing session is one undo step, a
 * new note's creation included, as on the board.
 */
export type PhoneEditing = {
  open: Accessor<string | null>;
  editing: Accessor<string | null>;
  /** Opens the card and its editor. */
  edit(id: string): void;
  /** The editor of `id` is done (blurred, Escape); the card stays open. */
  stopEditing(id: string): void;
  /** Closes whatever card is open. */
  close(): void;
  /** Runs `create` (which writes a new note) inside the undo step of its first edit, then edits it. */
  create(create: () => string | null): string | null;
};

export function createPhoneEditing(session: Session, phase: PhaseRoom): PhoneEditing {
  const [open, setOpen] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  let endGroup: (() => void) | null = null;
  const endEditing = () => {
    endGroup?.();
    endGroup = null;
    setEditing(null);
    session.setEditing(null);
  };
  const edit = (id: string) => {
    if (session.readOnly()) return;
    if (editing() !== id) endEditing();
    endGroup ??= phase.undo.group();
    setOpen(id);
    setEditing(id);
    session.setEditing(id);
  };
  const close = () => {
    endEditing();
    setOpen(null);
  };
  onCleanup(endEditing);
  return {
    open,
    editing,
    edit,
    stopEditing(id) {
      if (editing() === id) endEditing();
    },
    close,
    create(make) {
      close();
      endGroup = phase.undo.group();
      const id = make();
      if (id) edit(id);
      else endEditing();
      return id;
    },
  };
}
