import type { Phase, RunAt, RunStep } from '@wcb/shared';
import { t } from '../../i18n';

const phaseTitle = (phases: readonly Phase[], id: string): string => phases.find((p) => p.id === id)?.title ?? '';

/** What a step is, in a few words of the board's language: "Ideal vision: round 2 of 3". */
export function stepLabel(step: RunStep, round: number, phases: readonly Phase[]): string {
  switch (step.kind) {
    case 'phase': {
      const phase = phaseTitle(phases, step.phaseId);
      return step.rounds > 1 ? t('run.step.phase', { phase, round: Math.max(1, round), rounds: step.rounds }) : t('run.step.phaseOne', { phase });
    }
    case 'vote':
      return t('run.step.vote', { phase: phaseTitle(phases, step.phaseId) });
    case 'lock':
      return t('run.step.lock', { phase: phaseTitle(phases, step.phaseId) });
    case 'break':
      return t('run.step.break');
    case 'results':
      return step.phaseId ? t('run.step.results', { phase: phaseTitle(phases, step.phaseId) }) : t('run.step.resultsAny');
  }
}

/** The "now" of the strip: a step, or before the first, or after the last. */
export function nowLabel(at: RunAt, phases: readonly Phase[]): string {
  if (at.kind === 'start') return t('run.notStarted');
  if (at.kind === 'done') return t('run.finished');
  return stepLabel(at.step, at.round, phases);
}

export function nextLabel(at: RunAt, phases: readonly Phase[]): string {
  return at.kind === 'step' ? stepLabel(at.step, at.round, phases) : t('run.nothingNext');
}

/** A step as the editor lists it: a phase step by its phase alone (its rounds are in its fields). */
export function sheetLabel(step: RunStep, phases: readonly Phase[]): string {
  return step.kind === 'phase' ? t('run.step.phaseOne', { phase: phaseTitle(phases, step.phaseId) }) : stepLabel(step, 0, phases);
}
