import { formatNumber as formatLocaleNumber, t } from '../../i18n';
import { summariseQuestion, validAnswer, type Form, type Prompt, type QuestionSummary, type SurveyResponse } from '@wcb/shared';

/**
 * What a survey's Summary tab draws, computed without the DOM so that the numbers on screen and
 * in the harvest document come from one place. A response counts once it holds any answer, as in
 * the harvest (a person who opened the form and wrote nothing is not a response).
 */
export type SurveyQuestionSummary = {
  question: Prompt;
  summary: QuestionSummary;
  /** Percent questions: answers per tenth of the scale (0–9, 10–19, …, 90–100). */
  histogram: number[];
};

export type SurveySectionSummary = {
  id: string;
  /** 1, 2, … for titled sections; 0 for questions outside any section (drawn without a heading). */
  number: number;
  title: string;
  questions: SurveyQuestionSummary[];
};

export type SurveySummary = { responses: number; sections: SurveySectionSummary[] };

export const HISTOGRAM_BUCKETS = 10;

export const answeredResponses = (responses: readonly SurveyResponse[]): SurveyResponse[] =>
  responses.filter((r) => Object.keys(r.answers).length > 0);

/** Counts of values 0–100 per bucket; 100 belongs to the last bucket. */
export function histogram(values: readonly number[], buckets = HISTOGRAM_BUCKETS): number[] {
  const out = Array.from({ length: buckets }, () => 0);
  const width = 100 / buckets;
  for (const v of values) {
    const i = Math.min(buckets - 1, Math.max(0, Math.floor(v / width)));
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** Section numbers as the form shows them: titled sections count from 1, loose questions get 0. */
export function sectionNumbers(form: Form): number[] {
  let n = 0;
  return form.sections.map((s) => (s.section ? ++n : 0));
}

export function summariseSurvey(form: Form, responses: readonly SurveyResponse[]): SurveySummary {
  const answered = answeredResponses(responses);
  const numbers = sectionNumbers(form);
  return {
    responses: answered.length,
    sections: form.sections.map((s, i) => ({
      id: s.section?.id ?? '',
      number: numbers[i] ?? 0,
      title: s.section?.label ?? '',
      questions: s.children.map((q) => ({
        question: q,
        summary: summariseQuestion(q, answered),
        histogram:
          q.answer === 'percent'
            ? histogram(answered.map((r) => validAnswer(q, r.answers[q.id])).filter((v): v is number => typeof v === 'number'))
            : [],
      })),
    })),
  };
}

/** A number as the summary prints it, for the UI locale: at most one decimal, none when whole ("66,7" in Ukrainian); '—' when there is none. */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return formatLocaleNumber(n);
}

/** Each count as a share (0–100) of the largest, for bars; all zero when nothing was counted. */
export function barShares(counts: readonly number[]): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((c) => (max ? Math.round((c / max) * 100) : 0));
}

/** A part of a whole as a whole percentage (0 of 0 is 0). */
export const shareOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** "No responses yet", "1 response", "3 responses". */
export function responsesText(n: number): string {
  return n === 0 ? t('survey.countNone') : n === 1 ? t('survey.countOne') : t('survey.countMany', { n });
}
