import { createEffect, createSignal, on, onMount } from 'solid-js';
import { MAX_NOTE_TEXT } from '@wcb/shared';
import { t } from '../../i18n';
import { rebaseSelection } from '../../lib/text';
import { useBoard } from './context';
import { limitNotice } from './note-limit';
import { NoteLimit } from './NoteLimit';

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
  // eslint-disable-next-line solid/reactivity -- the starting length; kept current by input and remote text.
  const [length, setLength] = createSignal(props.text.length);
  // Characters the last input could not add (0: the note was already full); null while all fit.
  const [dropped, setDropped] = createSignal<number | null>(null);
  // What an insertion would leave out, said before the browser's maxLength drops it silently.
  const measure = (incoming: number) => {
    const selected = area.selectionEnd - area.selectionStart;
    setDropped(limitNotice({ length: area.value.length, selected }, incoming, MAX_NOTE_TEXT));
  };
  const onBeforeInput = (e: InputEvent) => {
    // A paste is measured from the clipboard (below): its input event may not carry the text.
    if (e.inputType === 'insertFromPaste' || composing) return;
    if (!e.inputType.startsWith('insert')) return setDropped(null);
    const incoming = e.data ?? e.dataTransfer?.getData('text/plain') ?? (e.inputType === 'insertLineBreak' ? '\n' : '');
    measure(incoming.length);
  };

  const applyRemote = (text: string) => {
    setLength(text.length);
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
    setLength(area.value.length);
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
    <>
      <textarea
        ref={area}
        class="note-editor"
        data-testid="note.editor"
        aria-label={t('note.editor')}
        maxLength={MAX_NOTE_TEXT}
        spellcheck
        onInput={(e) => {
          setLength(e.currentTarget.value.length);
          props.onInput(e.currentTarget.value);
        }}
        onBeforeInput={onBeforeInput}
        onPaste={(e) => measure(e.clipboardData?.getData('text/plain').length ?? 0)}
        onKeyDown={onKeyDown}
        onBlur={() => props.onDone(false)}
        onCompositionStart={() => (composing = true)}
        onCompositionEnd={() => {
          composing = false;
          props.onInput(area.value);
          applyRemote(props.text);
        }}
      />
      <NoteLimit length={length()} max={MAX_NOTE_TEXT} dropped={dropped()} />
    </>
  );
}
