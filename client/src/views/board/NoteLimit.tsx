import { Show } from 'solid-js';
import { t } from '../../i18n';
import { counterFrom } from './note-limit';

/**
 * Under the note being edited: the character count once it nears the limit, and, when typing or
 * pasting went past it, how much did not fit. Never silent: a 5,000-character paste used to be
 * cut to 2,000 without a word. The status line is always there (empty), so screen readers hear
 * it when it fills.
 */
export function NoteLimit(props: { length: number; max: number; dropped: number | null }) {
  const near = () => props.length >= counterFrom(props.max);
  const message = () => {
    if (props.dropped === null) return '';
    return props.dropped > 0 ? t('note.tooLong', { count: props.dropped, max: props.max }) : t('note.full', { max: props.max });
  };
  return (
    // A press here is not a drag of the note, and keeps the editor focused.
    <div class="note-limit" onPointerDown={(e) => e.stopPropagation()} onMouseDown={(e) => e.preventDefault()}>
      <Show when={near() || props.dropped !== null}>
        <span class="note-counter" data-testid="note.counter" data-length={props.length} title={t('note.counterTitle', { count: props.length, max: props.max })}>
          {t('note.counter', { count: props.length, max: props.max })}
        </span>
      </Show>
      <span class="note-too-long" data-testid="note.too-long" role="status">
        {message()}
      </span>
    </div>
  );
}
