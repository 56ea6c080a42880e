import type { DocumentLabels } from './labels';
import type { HarvestSurvey } from './types';

export type SurveyQuestion = HarvestSurvey['sections'][number]['questions'][number];

/** One printable line of a question's summary; `quote` marks a respondent's own words. */
export type QuestionSummaryRow = { text: string; quote: boolean; share?: number };

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);

/**
 * A question's summary as lines every document format prints alike: the numbers first, then
 * what people wrote. `share` (0–1) lets a renderer draw a bar next to the line.
 */
export function surveyRows(q: SurveyQuestion, labels: DocumentLabels): QuestionSummaryRow[] {
  const s = q.summary;
  switch (s.kind) {
    case 'percent':
      if (!s.count) return [{ text: labels.responses(0), quote: false }];
      return [
        {
          text: `${labels.mean} ${s.mean}% · ${labels.median} ${s.median}% · ${labels.range} ${s.min}–${s.max}% (${labels.responses(s.count)})`,
          quote: false,
          share: (s.mean ?? 0) / 100,
        },
      ];
    case 'yesno':
      return [
        { text: `${labels.yes}: ${s.yes} (${pct(s.yes, s.count)}%)`, quote: false, share: s.count ? s.yes / s.count : 0 },
        { text: `${labels.no}: ${s.no} (${pct(s.no, s.count)}%)`, quote: false, share: s.count ? s.no / s.count : 0 },
        ...s.followUps.map((text) => ({ text, quote: true })),
      ];
    case 'choice':
      return q.options.map((option, i) => {
        const n = s.counts[i] ?? 0;
        return { text: `${option}: ${n} (${pct(n, s.count)}%)`, quote: false, share: s.count ? n / s.count : 0 };
      });
    case 'text':
      return s.answers.map((text) => ({ text, quote: true }));
  }
}
