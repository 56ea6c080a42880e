/**
 * Keys typed between asking for a new note and its editor taking focus. A person presses "+" (or
 * double-clicks, or double-taps) and types at once; on a busy laptop or phone the first word
 * arrived before the click that makes the note was handled, went to the focused "+" (or nowhere)
 * and was lost, and a space on the focused "+" even made a second note.
 *
 * So the gesture's first event (pointer down) puts focus on an always-present text field right
 * away, while the press is still going on; whatever is typed there until the note's editor mounts
 * is handed to that editor, which then takes the focus. A real text field, focused inside the
 * gesture, is also what makes a phone open its keyboard.
 */
export type TypeAhead = {
  /** The catching field (rendered once per board). */
  ref(el: HTMLTextAreaElement): void;
  /** Focuses the field; a new gesture (`fresh`) first drops anything a gesture that led nowhere left. */
  arm(fresh?: boolean): void;
  /** What was typed since arming (nothing when not armed); disarms. Called by an editor as it mounts. */
  take(): string;
};

export function createTypeAhead(): TypeAhead {
  let field: HTMLTextAreaElement | undefined;
  let armed = false;
  const disarm = () => {
    armed = false;
    if (field) field.value = '';
  };
  return {
    ref(el) {
      field = el;
      // Focus gone elsewhere (a click away, Escape, Tab): the gesture led to no note.
      el.addEventListener('blur', disarm);
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') el.blur();
      });
    },
    arm(fresh = false) {
      if (!field) return;
      if (fresh || !armed) field.value = '';
      armed = true;
      if (document.activeElement !== field) field.focus({ preventScroll: true });
    },
    take() {
      const text = armed && field ? field.value : '';
      disarm();
      return text;
    },
  };
}
