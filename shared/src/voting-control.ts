import * as Y from 'yjs';
import { readStacks } from './clusters';
import { controlMaps } from './control';
import { LocalOrigin } from './origins';
import type { Note } from './records/note';
import { readVotingSettings, type VotingSettings } from './roles';
import { RECORD_ID_RE } from './rooms';

/**
 * The facilitator's side of voting, all in the control document: the voting settings (state
 * 'voting', read by roles.ts to open the votes room) and the criteria each topic selected
 * (map 'selections': "<phaseId>/<topicId>" -> string[] of note ids). The keys are flat on purpose:
 * a nested Y.Map per phase, created by two facilitators at once, would keep only one of them.
 */

const local = (action: string) => new LocalOrigin(action);

// Dot voting works with a handful of dots; the bound only stops a typo from meaning "unlimited".
export const MAX_BUDGET = 50;
// A topic keeps a few selected criteria; seed 003 has three or four per column.
export const MAX_SELECTION = 20;

export type OpenVotingInput = Omit<VotingSettings, 'open'>;

/** Opens voting on one phase, replacing any earlier settings whole (one value, never merged). */
export function openVoting(control: Y.Doc, input: OpenVotingInput): void {
  const { phases, state } = controlMaps(control);
  if (!phases.has(input.phaseId)) throw new Error(`No phase "${input.phaseId}"`);
  const budget = Number.isFinite(input.budget) ? Math.max(0, Math.min(MAX_BUDGET, Math.floor(input.budget))) : 0;
  const settings: VotingSettings = {
    phaseId: input.phaseId,
    budget,
    per: input.per === 'table' ? 'table' : 'participant',
    hideCounts: input.hideCounts === true,
    open: true,
  };
  control.transact(() => {
    state.set('voting', settings);
    budgetsOf(control).set(settings.phaseId, budget);
  }, local('voting.open'));
}

/**
 * Each phase's last voting budget ('voteBudgets': phaseId -> number). The settings hold only the
 * current voting; a harvest counts an earlier phase's dots with that phase's own budget.
 */
const budgetsOf = (control: Y.Doc) => control.getMap<unknown>('voteBudgets');

/** The budget to count a phase's dots with; null when that phase was never put to a vote. */
export function votingBudgetFor(control: Y.Doc, phaseId: string): number | null {
  const current = readVotingSettings(control);
  if (current?.phaseId === phaseId) return current.budget;
  const stored = budgetsOf(control).get(phaseId);
  return typeof stored === 'number' && Number.isFinite(stored) ? Math.max(0, Math.min(MAX_BUDGET, Math.floor(stored))) : null;
}

/** Closes voting and keeps its settings, so results can still be shown with the same budget. */
export function closeVoting(control: Y.Doc): void {
  const current = readVotingSettings(control);
  if (!current?.open) return;
  control.transact(() => controlMaps(control).state.set('voting', { ...current, open: false }), local('voting.close'));
}

const byVotesThenAge = (a: { votes: number; head: Note }, b: { votes: number; head: Note }): number =>
  b.votes - a.votes ||
  a.head.createdAt - b.head.createdAt ||
  (a.head.id < b.head.id ? -1 : a.head.id > b.head.id ? 1 : 0);

/**
 * The facilitator's starting point for "selected criteria": per topic, the `perTopic` notes with the
 * most dots. A stack competes as one idea with the dots of all its notes, under its head's id.
 * Ties go to the older note. Notes nobody voted for are never proposed.
 */
export function proposeCriteria(notes: readonly Note[], votes: ReadonlyMap<string, number>, perTopic = 3): Map<string, string[]> {
  const byTopic = new Map<string, { votes: number; head: Note }[]>();
  for (const stack of readStacks(notes)) {
    const total = stack.members.reduce((sum, m) => sum + (votes.get(m.id) ?? 0), 0);
    if (total <= 0) continue;
    const list = byTopic.get(stack.head.topic) ?? [];
    list.push({ votes: total, head: stack.head });
    byTopic.set(stack.head.topic, list);
  }
  const out = new Map<string, string[]>();
  for (const topic of [...byTopic.keys()].sort()) {
    out.set(topic, byTopic.get(topic)!.sort(byVotesThenAge).slice(0, Math.max(0, perTopic)).map((c) => c.head.id));
  }
  return out;
}

const selectionsOf = (control: Y.Doc) => control.getMap<unknown>('selections');

const cleanIds = (ids: readonly unknown[]): string[] =>
  [...new Set(ids.filter((id): id is string => typeof id === 'string' && RECORD_ID_RE.test(id)))].slice(0, MAX_SELECTION);

const selectionKey = (phaseId: string, topicId: string): string => `${phaseId}/${topicId}`;

/** Confirms (or edits) one topic's selected criteria by replacing its whole list. */
export function setSelection(control: Y.Doc, phaseId: string, topicId: string, noteIds: readonly string[]): void {
  if (!RECORD_ID_RE.test(phaseId) || !RECORD_ID_RE.test(topicId)) throw new Error('A selection needs a phase and a topic');
  control.transact(
    () => selectionsOf(control).set(selectionKey(phaseId, topicId), cleanIds(noteIds)),
    local('selection.set'),
  );
}

/** The selected criteria of one phase, per topic, in the order the facilitator put them. */
export function readSelection(control: Y.Doc, phaseId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const prefix = `${phaseId}/`;
  selectionsOf(control).forEach((ids, key) => {
    if (key.startsWith(prefix) && Array.isArray(ids)) out.set(key.slice(prefix.length), cleanIds(ids));
  });
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
