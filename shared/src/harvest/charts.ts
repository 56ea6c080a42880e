import type { HarvestItem, HarvestPhase, HarvestTopicSection } from './types';

/**
 * What the vote charts of every format share: which ideas get a bar and the one scale a phase's
 * bars are drawn to. One scale per phase, not per topic: a 1-vote bar beside a 3-vote bar in the
 * next column is a third as long, so the columns can be compared at a glance.
 */

/** Bars per topic: enough to read on paper. */
export const CHART_TOP = 5;

/** A topic's most voted ideas, most votes first; an idea without a vote gets no bar. */
export function chartItems(topic: HarvestTopicSection): HarvestItem[] {
  const seen = new Set<string>();
  // Dots are cast on notes: a criterion sums its notes' dots and would count them twice.
  return [...topic.material]
    .filter((i) => i.votes > 0 && !seen.has(i.id) && !!seen.add(i.id))
    .sort((a, b) => b.votes - a.votes)
    .slice(0, CHART_TOP);
}

/** The most votes any charted idea of the phase has: the full length of every bar in it (0: no chart). */
export function phaseVoteScale(phase: HarvestPhase): number {
  return phase.topics.reduce((max, t) => Math.max(max, ...chartItems(t).map((i) => i.votes)), 0);
}

/** Whether the phase draws charts at all: it was put to a vote and something got a dot. */
export const phaseHasChart = (phase: HarvestPhase): boolean => phase.votingBudget !== null && phaseVoteScale(phase) > 0;
