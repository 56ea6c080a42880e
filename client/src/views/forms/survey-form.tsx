import { For, Match, Show, Switch } from 'solid-js';
import { validAnswer, type AnswerValue, type Form, type Prompt, type SurveyResponse } from '@wcb/shared';
import type { FormActions } from '../../sync/form-room';
import { ChoiceInput, PercentInput, TextInput, YesNoInput, type AnswerInputProps } from './survey-inputs';
import { sectionNumbers } from './survey-summary';

export type SurveyFormProps = {
  form: Form;
  /** Fixed for the life of this form: a new person gets a new form (see SurveyView). */
  respondent: string;
  response: SurveyResponse | undefined;
  disabled: boolean;
  actions: FormActions;
};

// Radio names and label ids must be unique on the page and valid in an id.
const uidOf = (respondent: string, questionId: string) => `survey-${respondent}-${questionId}`.replace(/[^\w-]/g, '_');

/** One person's answers, section by section; every change is written at once (no submit). */
export function SurveyForm(props: SurveyFormProps) {
  const numbers = () => sectionNumbers(props.form);
  return (
    <div class="survey-form">
      <For each={props.form.sections}>
        {(s, i) => (
          <section class="survey-section" data-testid="survey.section" data-section-id={s.section?.id ?? ''}>
            <Show when={s.section}>
              {(section) => (
                <h3 class="survey-section-title">
                  {numbers()[i()]}. {section().label}
                </h3>
              )}
            </Show>
            <For each={s.children}>{(q) => <Question question={q} {...props} />}</For>
          </section>
        )}
      </For>
    </div>
  );
}

function Question(props: SurveyFormProps & { question: Prompt }) {
  const uid = () => uidOf(props.respondent, props.question.id);
  return (
    // A disabled fieldset disables every control in it: one switch for read-only.
    <fieldset
      class="survey-question"
      data-testid="survey.question"
      data-question-id={props.question.id}
      data-answer-kind={props.question.answer}
      disabled={props.disabled}
    >
      <legend id={`${uid()}-label`} class="survey-question-label">
        {props.question.label}
      </legend>
      <AnswerInput
        question={props.question}
        value={validAnswer(props.question, props.response?.answers[props.question.id])}
        followUp={props.response?.followUps[props.question.id] ?? ''}
        uid={uid()}
        answer={(value: AnswerValue | null) => props.actions.answer(props.respondent, props.question.id, value)}
        setFollowUp={(text: string) => props.actions.followUp(props.respondent, props.question.id, text)}
      />
    </fieldset>
  );
}

function AnswerInput(props: AnswerInputProps) {
  return (
    <Switch>
      <Match when={props.question.answer === 'percent'}>
        <PercentInput {...props} />
      </Match>
      <Match when={props.question.answer === 'yesno'}>
        <YesNoInput {...props} />
      </Match>
      <Match when={props.question.answer === 'choice'}>
        <ChoiceInput {...props} />
      </Match>
      <Match when={props.question.answer === 'text'}>
        <TextInput {...props} />
      </Match>
    </Switch>
  );
}
