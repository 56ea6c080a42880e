import { createEffect, For, onCleanup, onMount, Show } from 'solid-js';
import type { AnswerValue, Prompt } from '@wcb/shared';
import { t } from '../../i18n';
import { throttle } from '../../lib/throttle';

/** One question's answer as the inputs see it: already validated against the question. */
export type AnswerInputProps = {
  question: Prompt;
  value: AnswerValue | null;
  followUp: string;
  /** Unique per question and respondent: radio names and label ids. */
  uid: string;
  answer(value: AnswerValue | null): void;
  setFollowUp(text: string): void;
};

const TEXT_WRITE_MS = 400;

/**
 * A textarea that writes as the person types (throttled) and never loses the tail: blur, the page
 * being hidden or closed, and the field going away (next person, phase switch) all write what is
 * waiting. The stored value reaches the field only while nobody types in it, so a write coming
 * back from the document never moves the caret.
 */
export function DraftText(props: { value: string; write(text: string): void; testid: string; id: string; label: string; rows?: number }) {
  let el: HTMLTextAreaElement | undefined;
  // eslint-disable-next-line solid/reactivity -- runs from input and blur handlers, reading props then.
  const save = throttle<string>((text) => props.write(text), TEXT_WRITE_MS);
  const flush = () => save.flush();
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  createEffect(() => {
    const stored = props.value;
    if (el && document.activeElement !== el && el.value !== stored) el.value = stored;
  });
  onMount(() => {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
  });
  onCleanup(() => {
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
    flush();
  });
  return (
    <textarea
      ref={el}
      id={props.id}
      class="survey-textarea"
      data-testid={props.testid}
      rows={props.rows ?? 3}
      aria-label={props.label}
      placeholder={t('survey.answerPlaceholder')}
      onInput={(e) => save(e.currentTarget.value)}
      onBlur={flush}
    />
  );
}

function ClearButton(props: { onClear(): void }) {
  return (
    <button type="button" class="btn survey-clear" data-testid="survey.clear" title={t('survey.clearTitle')} onClick={() => props.onClear()}>
      {t('survey.clear')}
    </button>
  );
}

const clampPercent = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

/** A slider for quick answers and a number field for exact ones; an unanswered scale shows no thumb. */
export function PercentInput(props: AnswerInputProps) {
  const value = () => (typeof props.value === 'number' ? props.value : null);
  const onNumber = (input: HTMLInputElement, commit: boolean) => {
    const raw = input.value.trim();
    if (raw === '') {
      if (commit) props.answer(null);
      return;
    }
    const n = Number(raw);
    if (!Number.isFinite(n)) return;
    if (!commit && (n < 0 || n > 100)) return;
    props.answer(clampPercent(n));
    if (commit) input.value = String(clampPercent(n));
  };
  return (
    <div class="survey-percent" classList={{ 'survey-percent--unset': value() === null }} data-answered={value() !== null}>
      <input
        type="range"
        class="survey-range"
        data-testid="survey.percent"
        min="0"
        max="100"
        step="5"
        value={value() ?? 50}
        aria-label={t('survey.percentSlider', { question: props.question.label })}
        aria-valuetext={value() === null ? t('survey.percentUnset') : t('survey.percentValue', { value: value() ?? '' })}
        onInput={(e) => props.answer(clampPercent(Number(e.currentTarget.value)))}
        // An unanswered scale rests at 50: a tap on the thumb there changes nothing, yet means 50.
        onPointerUp={(e) => value() === null && props.answer(clampPercent(Number(e.currentTarget.value)))}
      />
      <span class="survey-percent-number">
        <input
          type="number"
          class="survey-number"
          data-testid="survey.percent-number"
          min="0"
          max="100"
          step="1"
          inputMode="numeric"
          placeholder="—"
          value={value() ?? ''}
          aria-label={t('survey.percentNumber', { question: props.question.label })}
          onInput={(e) => onNumber(e.currentTarget, false)}
          onChange={(e) => onNumber(e.currentTarget, true)}
        />
        <span aria-hidden="true">%</span>
      </span>
      <Show when={value() !== null} fallback={<span class="survey-unset">{t('survey.percentUnset')}</span>}>
        <ClearButton onClear={() => props.answer(null)} />
      </Show>
    </div>
  );
}

/** Yes / no, then the question's follow-up ("How?") once answered. */
export function YesNoInput(props: AnswerInputProps) {
  return (
    <>
      <div class="survey-options survey-options--inline" role="radiogroup" aria-labelledby={`${props.uid}-label`}>
        <label class="survey-option">
          <input type="radio" name={props.uid} value="yes" data-testid="survey.yes" checked={props.value === 'yes'} onChange={() => props.answer('yes')} />
          <span>{t('survey.yes')}</span>
        </label>
        <label class="survey-option">
          <input type="radio" name={props.uid} value="no" data-testid="survey.no" checked={props.value === 'no'} onChange={() => props.answer('no')} />
          <span>{t('survey.no')}</span>
        </label>
        <Show when={props.value !== null}>
          <ClearButton onClear={() => props.answer(null)} />
        </Show>
      </div>
      <Show when={props.question.followUp && props.value !== null}>
        <div class="survey-follow-up">
          <label for={`${props.uid}-follow-up`}>{props.question.followUp}</label>
          <DraftText
            id={`${props.uid}-follow-up`}
            testid="survey.follow-up"
            label={props.question.followUp}
            rows={2}
            value={props.followUp}
            write={(text) => props.setFollowUp(text)}
          />
        </div>
      </Show>
    </>
  );
}

/** One of the question's options; the answer is the option's index. */
export function ChoiceInput(props: AnswerInputProps) {
  return (
    <div class="survey-options" role="radiogroup" aria-labelledby={`${props.uid}-label`}>
      <For each={props.question.options}>
        {(option, i) => (
          <label class="survey-option">
            <input
              type="radio"
              name={props.uid}
              value={i()}
              data-testid="survey.choice"
              data-index={i()}
              checked={props.value === i()}
              onChange={() => props.answer(i())}
            />
            <span>{option}</span>
          </label>
        )}
      </For>
      <Show when={props.value !== null}>
        <ClearButton onClear={() => props.answer(null)} />
      </Show>
    </div>
  );
}

/** An open answer; an emptied field clears the answer rather than storing blanks. */
export function TextInput(props: AnswerInputProps) {
  return (
    <DraftText
      id={`${props.uid}-text`}
      testid="survey.text"
      label={props.question.label}
      value={typeof props.value === 'string' ? props.value : ''}
      write={(text) => props.answer(text.trim() ? text : null)}
    />
  );
}
