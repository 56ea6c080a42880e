import { createMemo, createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { nextRespondent, respondentId, respondentIndex } from '../../lib/respondent';
import { browserStore } from '../../lib/storage';
import type { FormViewProps } from './FormPhase';
import { SurveyForm } from './survey-form';
import { SurveyResults } from './survey-results';
import { summariseSurvey } from './survey-summary';
import './survey.css';

type Tab = 'form' | 'summary';

/**
 * A survey phase: "My answers" (this device's person fills in the form, saved as they go) and
 * "Summary" (what everyone answered, live). Participants land on their answers; the facilitator
 * and viewers on the summary. Viewers cannot write, so they get no form at all.
 */
export function SurveyView(props: FormViewProps) {
  const store = browserStore();
  // A session view lives for one session: its id never changes under it.
  // eslint-disable-next-line solid/reactivity
  const [index, setIndex] = createSignal(respondentIndex(store, props.session.id));
  const respondent = () => respondentId(props.session.participantId, index());
  const mine = () => props.phase.answers.responses.find((r) => r.id === respondent());
  const summary = createMemo(() => summariseSurvey(props.form(), props.phase.answers.responses));
  const hasQuestions = () => props.form().sections.some((s) => s.children.length > 0);

  const canAnswer = () => props.session.role() !== 'viewer';
  // Until someone picks a tab the default follows the role, which a shared link learns late.
  const [picked, setPicked] = createSignal<Tab | null>(null);
  const tab = (): Tab => (canAnswer() ? (picked() ?? (props.session.role() === 'participant' ? 'form' : 'summary')) : 'summary');

  const tabs = (): Tab[] => (canAnswer() ? ['form', 'summary'] : ['summary']);
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const list = tabs();
    const next = list[(list.indexOf(tab()) + (e.key === 'ArrowRight' ? 1 : list.length - 1)) % list.length] ?? 'summary';
    setPicked(next);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
    e.preventDefault();
  };
  const nextPerson = () => setIndex(nextRespondent(store, props.session.id));

  return (
    <div class="survey" data-testid="survey.root" data-tab={tab()}>
      <div class="survey-tabs" role="tablist" aria-label={t('survey.tabs')} onKeyDown={onTabKey}>
        <Show when={canAnswer()}>
          <TabButton id="form" label={t('survey.tabForm')} testid="survey.tab-form" selected={tab() === 'form'} onSelect={setPicked} />
        </Show>
        <TabButton id="summary" label={t('survey.tabSummary')} testid="survey.tab-summary" selected={tab() === 'summary'} onSelect={setPicked} />
      </div>

      <Show when={tab() === 'form'}>
        <div class="survey-panel" role="tabpanel" id="survey-panel-form" aria-labelledby="survey-tab-form">
          <div class="survey-respondent-bar">
            <p class="survey-respondent" data-testid="survey.respondent" data-respondent={respondent()} data-index={index() + 1} aria-live="polite">
              {t('survey.respondent', { n: index() + 1 })}
            </p>
            <p class="survey-save-state" data-testid="survey.saved" data-saved={mine() !== undefined}>
              {props.session.readOnly() ? t('survey.readOnly') : mine() ? t('survey.saved') : t('survey.autosave')}
            </p>
            <button
              type="button"
              class="btn survey-next"
              data-testid="survey.next-person"
              title={t('survey.nextPersonTitle')}
              disabled={props.session.readOnly()}
              onClick={nextPerson}
            >
              {t('survey.nextPerson')}
            </button>
          </div>
          <Show when={hasQuestions()} fallback={<p class="survey-none">{t('survey.empty')}</p>}>
            {/* Keyed on the respondent: a new person gets fresh fields, and the last person's
                unsaved typing is written (to their response) as the old fields go. */}
            <Show when={respondent()} keyed>
              {(who) => (
                <SurveyForm
                  form={props.form()}
                  respondent={who}
                  response={props.phase.answers.responses.find((r) => r.id === who)}
                  disabled={props.session.readOnly()}
                  actions={props.phase.formActions}
                />
              )}
            </Show>
          </Show>
        </div>
      </Show>

      <Show when={tab() === 'summary'}>
        <div class="survey-panel" role="tabpanel" id="survey-panel-summary" aria-labelledby="survey-tab-summary">
          <Show when={hasQuestions()} fallback={<p class="survey-none">{t('survey.empty')}</p>}>
            <SurveyResults summary={summary()} />
          </Show>
        </div>
      </Show>
    </div>
  );
}

function TabButton(props: { id: Tab; label: string; testid: string; selected: boolean; onSelect(tab: Tab): void }) {
  return (
    <button
      type="button"
      role="tab"
      id={`survey-tab-${props.id}`}
      class="survey-tab"
      data-testid={props.testid}
      data-tab={props.id}
      aria-selected={props.selected}
      aria-controls={`survey-panel-${props.id}`}
      tabIndex={props.selected ? 0 : -1}
      onClick={() => props.onSelect(props.id)}
    >
      {props.label}
    </button>
  );
}
