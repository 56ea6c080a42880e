import { Show, type JSX } from 'solid-js';
import { MAX_CRITERION_TEXT } from '@wcb/shared';
import { t } from '../../i18n';

/**
 * The layout both criterion forms share (confirming notes as criteria, rewording one): what comes
 * first (`children`: the notes to pick), the wording, a hint, and save / cancel. Test ids are
 * `criteria.<name>-form`, `-save`, `-cancel`; the wording's own id is `inputTestId`.
 */
export function CriterionForm(props: {
  name: 'confirm' | 'reword';
  inputTestId: string;
  topicId?: string;
  wording: string;
  onWording: (text: string) => void;
  placeholder?: string;
  /** Enter (without Shift) saves: a one-line rewording; the confirm form keeps Enter for lines. */
  enterSaves?: boolean;
  saveLabel: string;
  canSave?: boolean;
  hint?: JSX.Element;
  onSave: () => void;
  onCancel: () => void;
  children?: JSX.Element;
}) {
  return (
    <form
      class="fac-criterion-form"
      data-testid={`criteria.${props.name}-form`}
      data-topic-id={props.topicId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
    >
      {props.children}
      <label class="fac-criterion-label">
        {t('criteria.wording')}
        <textarea
          data-testid={props.inputTestId}
          rows={2}
          maxLength={MAX_CRITERION_TEXT}
          placeholder={props.placeholder}
          value={props.wording}
          ref={(el) => queueMicrotask(() => el.focus())}
          onInput={(e) => props.onWording(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onCancel();
            if (props.enterSaves && e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              props.onSave();
            }
          }}
        />
      </label>
      <Show when={props.hint}>
        <p class="fac-hint">{props.hint}</p>
      </Show>
      <div class="fac-inline">
        <button class="btn" type="submit" data-testid={`criteria.${props.name}-save`} disabled={props.canSave === false}>
          {props.saveLabel}
        </button>
        <button class="btn" type="button" data-testid={`criteria.${props.name}-cancel`} onClick={() => props.onCancel()}>
          {t('criteria.cancel')}
        </button>
      </div>
    </form>
  );
}
