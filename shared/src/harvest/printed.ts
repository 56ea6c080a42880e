import type { Harvest, HarvestPhase } from './types';

/**
 * Whether anything was written in a phase: a note, a criterion or a step, a ticked or filled
 * matrix cell, a checked item, a survey response. A phase with none of these takes no room in the
 * results documents (seed 003 has no empty sections; an empty page reads as lost results).
 */
export function phaseHasContent(phase: HarvestPhase): boolean {
  if (phase.crossCutting.length) return true;
  if (phase.topics.some((t) => t.selected.length || t.material.length || t.steps.length)) return true;
  if (phase.matrix?.cells.some((row) => row.some((c) => c.ticked || c.text))) return true;
  if (phase.checklist?.sections.some((s) => s.items.some((i) => i.done))) return true;
  return (phase.survey?.responses ?? 0) > 0;
}

/** The phases a results document prints: those with content, in session order. */
export const printedPhases = (harvest: Harvest): HarvestPhase[] => harvest.phases.filter(phaseHasContent);
