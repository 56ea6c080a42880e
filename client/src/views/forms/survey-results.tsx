import { For, Match, Show, Switch } from 'solid-js';
import type { QuestionSummary } from '@wcb/shared';
import { t } from '../../i18n';
import { barShares, formatNumber, responsesText, shareOf, type SurveyQuestionSummary, type SurveySummary } from './survey-summary';

type Of<K extends QuestionSummary['kind']> = Extract<QuestionSummary, { kind: K }>;

/** What the room answered. Everything people wrote is drawn as text, never as markup. */
export function SurveyResults(props: { summary: SurveySummary }) {
  return (
    <div class="survey-summary" data-testid="survey.summary">
      <p class="survey-count" data-testid="survey.count" data-count={props.summary.responses} aria-live="polite">
        {responsesText(props.summary.responses)}
      </p>
      <For each={props.summary.sections}>
        {(s) => (
          <section class="survey-section" data-section-id={s.id}>
            <Show when={s.number > 0}>
              <h3 class="survey-section-title">
                {s.number}. {s.title}
              </h3>
            </Show>
            <For each={s.questions}>{(q) => <QuestionResult item={q} />}</For>
          </section>
        )}
      </For>
    </div>
  );
}

function QuestionResult(props: { item: SurveyQuestionSummary }) {
  const s = () => props.item.summary;
  return (
    <article
      class="survey-result"
      data-testid="survey.summary-question"
      data-question-id={props.item.question.id}
      data-answer-kind={s().kind}
      data-count={s().count}
    >
      <h4 class="survey-question-label">{props.item.question.label}</h4>
      <p class="survey-answered">{t('survey.answered', { n: s().count })}</p>
      <Switch>
        <Match when={s().kind === 'percent' && (s() as Of<'percent'>)}>
          {(p) => <PercentResult summary={p()} histogram={props.item.histogram} />}
        </Match>
        <Match when={s().kind === 'yesno' && (s() as Of<'yesno'>)}>
          {(y) => <YesNoResult summary={y()} followUp={props.item.question.followUp} />}
        </Match>
        <Match when={s().kind === 'choice' && (s() as Of<'choice'>)}>
          {(c) => <ChoiceResult summary={c()} options={props.item.question.options} />}
        </Match>
        <Match when={s().kind === 'text' && (s() as Of<'text'>)}>{(x) => <TextList items={x().answers} />}</Match>
      </Switch>
    </article>
  );
}

function PercentResult(props: { summary: Of<'percent'>; histogram: number[] }) {
  const pct = (n: number | null) => (n === null ? '—' : t('survey.percentValue', { value: formatNumber(n) }));
  const heights = () => barShares(props.histogram);
  return (
    <Show when={props.summary.count > 0} fallback={<p class="survey-none">{t('survey.noAnswers')}</p>}>
      <dl class="survey-stats" data-mean={props.summary.mean ?? ''} data-median={props.summary.median ?? ''}>
        <div>
          <dt>{t('survey.mean')}</dt>
          <dd data-testid="survey.mean">{pct(props.summary.mean)}</dd>
        </div>
        <div>
          <dt>{t('survey.median')}</dt>
          <dd>{pct(props.summary.median)}</dd>
        </div>
        <div>
          <dt>{t('survey.range')}</dt>
          <dd>{t('survey.rangeValue', { min: formatNumber(props.summary.min), max: formatNumber(props.summary.max) })}</dd>
        </div>
      </dl>
      <div class="survey-histogram" role="img" aria-label={t('survey.histogram', { counts: props.histogram.join(', ') })}>
        <For each={heights()}>
          {(h, i) => <span class="survey-histogram-bar" style={{ height: `${Math.max(h, 2)}%` }} data-empty={props.histogram[i()] === 0} />}
        </For>
      </div>
    </Show>
  );
}

function YesNoResult(props: { summary: Of<'yesno'>; followUp: string }) {
  return (
    <>
      <div class="survey-yesno" data-yes={props.summary.yes} data-no={props.summary.no}>
        <span class="survey-yesno-text">{t('survey.yesNo', { yes: props.summary.yes, no: props.summary.no })}</span>
        <span class="survey-bar survey-bar--split" aria-hidden="true" data-empty={props.summary.count === 0}>
          <span class="survey-bar-fill" style={{ width: `${shareOf(props.summary.yes, props.summary.count)}%` }} />
        </span>
      </div>
      <Show when={props.summary.followUps.length > 0}>
        <Show when={props.followUp}>
          <p class="survey-follow-up-label">{props.followUp}</p>
        </Show>
        <TextList items={props.summary.followUps} testid="survey.summary-follow-ups" />
      </Show>
    </>
  );
}

function ChoiceResult(props: { summary: Of<'choice'>; options: string[] }) {
  const widths = () => barShares(props.summary.counts);
  return (
    <ul class="survey-choices">
      <For each={props.options}>
        {(option, i) => (
          <li class="survey-choice-row" data-index={i()} data-count={props.summary.counts[i()] ?? 0}>
            <span class="survey-choice-label">{option}</span>
            <span class="survey-bar" aria-hidden="true">
              <span class="survey-bar-fill" style={{ width: `${widths()[i()] ?? 0}%` }} />
            </span>
            <span class="survey-choice-count">
              {t('survey.optionCount', { count: props.summary.counts[i()] ?? 0, share: shareOf(props.summary.counts[i()] ?? 0, props.summary.count) })}
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

function TextList(props: { items: string[]; testid?: string }) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="survey-none">{t('survey.noAnswers')}</p>}>
      <ul class="survey-texts" data-testid={props.testid ?? 'survey.summary-texts'}>
        <For each={props.items}>{(text) => <li class="survey-text-answer">{text}</li>}</For>
      </ul>
    </Show>
  );
}
