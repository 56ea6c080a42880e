import { createEffect, on, onMount } from 'solid-js';
import { MAX_NOTE_TEXT } from '@wcb/shared';
import { t } from '../../i18n';
import { rebaseSelection } from '../../lib/text';
import { useBoard } from './context';

/**
 * The textarea of a note being edited. Every input is written to the document at once, so others
 * watch the text appear. When someone else types in the same note, the new text is applied with
 * the caret moved along, instead of jumping to the end. Enter inserts a newline; Escape,
 * Ctrl/Cmd+Enter or leaving the field ends editing.
 */
export function NoteEditor(props: {
  text: string;
  onInput: (text: string) => void;
  onDone: (refocusNote: boolean) => void;
  /** What was typed before this editor was there; the board's type-ahead (type-ahead.ts) by default. */
  takeEarly?: () => string;
}) {
  // eslint-disable-next-line solid/reactivity -- read once: an editor's catcher never changes.
  const takeEarly = props.takeEarly ?? useBoard().typeAhead.take;
  let area!: HTMLTextAreaElement;
  let composing = false;

  const applyRemote = (text: string) => {
    if (area.value === text) return;
    const [start, end] = rebaseSelection(area.value, text, area.selectionStart, area.selectionEnd);
    area.value = text;
    if (document.activeElement === area) area.setSelectionRange(start, end);
  };

  onMount(() => {
    // Keys typed since "+" was pressed, before this editor was there, belong to this note.
    const early = takeEarly();
    area.value = props.text + early;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    if (early) props.onInput(area.value);
  });
  // While an IME composes (CJK, some mobile keyboards), rewriting the value would cancel it; the
  // latest text is applied when composition ends.
  createEffect(on(() => props.text, (text) => !composing && applyRemote(text), { defer: true }));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      props.onDone(true);
    }
  };

  return (
    <textarea
      ref={area}
      class="note-editor"
      data-testid="note.editor"
      aria-label={t('note.editor')}
      maxLength={MAX_NOTE_TEXT}
      spellcheck
      onInput={(e) => props.onInput(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => props.onDone(false)}
      onCompositionStart={() => (composing = true)}
      onCompositionEnd={() => {
        composing = false;
        props.onInput(area.value);
        applyRemote(props.text);
      }}
    />
  );
}
