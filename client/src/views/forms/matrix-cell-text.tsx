import { createEffect, on, onMount } from 'solid-js';
import { MAX_CELL_TEXT } from '@wcb/shared';
import { rebaseSelection } from '../../lib/text';

type Props = {
  text: string;
  label: string;
  disabled: boolean;
  onInput: (text: string) => void;
};

/**
 * A matrix cell's short text. Every input is written at once (the model diffs it into the cell's
 * Y.Text, so two people typing in one cell merge). Text from others is applied with the caret
 * moved along rather than jumping to the end; during IME composition it waits, since rewriting
 * the value would cancel what is being composed.
 */
export function MatrixCellText(props: Props) {
  let area!: HTMLTextAreaElement;
  let composing = false;

  const applyRemote = (text: string) => {
    if (area.value === text) return;
    const focused = document.activeElement === area;
    const [start, end] = rebaseSelection(area.value, text, area.selectionStart, area.selectionEnd);
    area.value = text;
    if (focused) area.setSelectionRange(start, end);
  };

  onMount(() => (area.value = props.text));
  createEffect(on(() => props.text, (text) => !composing && applyRemote(text), { defer: true }));

  return (
    <textarea
      ref={area}
      class="matrix-text"
      data-testid="matrix.text"
      rows={2}
      maxLength={MAX_CELL_TEXT}
      aria-label={props.label}
      disabled={props.disabled}
      spellcheck
      onInput={(e) => {
        if (!composing) props.onInput(e.currentTarget.value);
      }}
      onCompositionStart={() => (composing = true)}
      onCompositionEnd={() => {
        composing = false;
        props.onInput(area.value);
        applyRemote(props.text);
      }}
    />
  );
}
