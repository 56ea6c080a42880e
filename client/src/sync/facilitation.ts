import type * as Y from 'yjs';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import {
  addPhase,
  addPrompt,
  addTable,
  addTopic,
  closeVoting,
  endTimer,
  extendTimer,
  openVoting,
  pauseTimer,
  readRounds,
  readTimer,
  removePhase,
  removePrompt,
  removeTable,
  removeTopic,
  renameTable,
  renameTopic,
  reorderPhase,
  reorderPrompt,
  reorderTopic,
  resetTimer,
  resumeTimer,
  setRoundSettings,
  setSessionLanguage,
  setCurrentPhase,
  setPhaseLocked,
  setSessionTitle,
  setSpotlight,
  startRound,
  updatePhase,
  updatePrompt,
  type FollowViewport,
  type Language,
  type OpenVotingInput,
  type PhaseInput,
  type PromptInput,
  type RoundSettings,
  type TimerState,
} from '@wcb/shared';
import { createServerClock, type ReactiveServerClock } from './clock';
import { createCriteriaView, type CriteriaView } from './criteria-view';
import { criteriaWrites, type CriteriaWrites } from './criteria-writes';

/**
 * The café's timer and rounds as signals (for everyone), and the facilitator's writes to the
 * control document, each one shared mutation. One per session (session.ts): one server clock,
 * one `/api/time` sampling, whatever number of views show the timer. Writes are dropped unless `canControl()`: the server
 * would refuse them anyway, and a refused write would hold back this device's later ones.
 */
export type Facilitation = {
  clock: ReactiveServerClock;
  timer: Accessor<TimerState>;
  rounds: Accessor<RoundSettings>;
  setTitle(title: string): void;
  /** Moves the session's current phase (followers and the projector go with it). */
  setCurrentPhase(phaseId: string): void;
  /** A locked phase takes no writes from anyone, the facilitator included. */
  setPhaseLocked(phaseId: string, locked: boolean): void;
  /** Brings everyone to this phase and, if given, this viewport: once per press. */
  bringEveryone(phaseId: string, viewport: FollowViewport | null): void;
  setLanguage(language: Language): void;
  addTopic(label: string): string | null;
  renameTopic(id: string, label: string): void;
  /** Moves a topic one place up (-1) or down (+1) among `orderedIds`. */
  moveTopic(orderedIds: readonly string[], id: string, by: -1 | 1): void;
  /** Its notes stay in their rooms and show in the cross-cutting row. */
  removeTopic(id: string): void;
  addPhase(input: PhaseInput): string | null;
  updatePhase(id: string, input: Partial<PhaseInput>): void;
  /** Moves a phase one place left (-1) or right (+1) among `orderedIds`. */
  movePhase(orderedIds: readonly string[], id: string, by: -1 | 1): void;
  /** Its notes stay stored in its room; the phase and its form stop being shown. */
  removePhase(id: string): void;
  addTable(name: string): string | null;
  renameTable(id: string, name: string): void;
  removeTable(id: string): void;
  /** A structured phase's form (forms.ts): one prompt at a time. */
  addPrompt(phaseId: string, input: PromptInput): string | null;
  updatePrompt(id: string, patch: Partial<Omit<PromptInput, 'role' | 'parent'>>): void;
  /** Moves a prompt one place among its siblings `orderedIds`. */
  movePrompt(orderedIds: readonly string[], id: string, by: -1 | 1): void;
  /** A section takes its items or questions with it; answers stay in the phase room. */
  removePrompt(id: string): void;
  setRounds(count: number, minutes: number): void;
  startRound(round: number): void;
  pauseTimer(): void;
  resumeTimer(): void;
  extendTimer(ms: number): void;
  resetTimer(): void;
  /** "End round now": the timer ends at this moment on the server clock. */
  endTimer(): void;
  openVoting(input: OpenVotingInput): void;
  closeVoting(): void;
  /** The selected criteria as everyone reads them (criteria-view.ts); the writes below are the facilitator's. */
  criteria: CriteriaView;
} & CriteriaWrites;

const sameTimer = (a: TimerState, b: TimerState): boolean =>
  a.status === b.status && a.durationMs === b.durationMs && a.endsAt === b.endsAt && a.remainingMs === b.remainingMs && a.round === b.round;
const sameRounds = (a: RoundSettings, b: RoundSettings): boolean => a.count === b.count && a.lengthMs === b.lengthMs && a.current === b.current;

/** Where `id` goes when moved by one: the id it then sits before (null = last), or undefined when it cannot move. */
export function reorderTarget(orderedIds: readonly string[], id: string, by: -1 | 1): string | null | undefined {
  const i = orderedIds.indexOf(id);
  if (i < 0) return undefined;
  if (by === -1) return i === 0 ? undefined : orderedIds[i - 1];
  if (i === orderedIds.length - 1) return undefined;
  return orderedIds[i + 2] ?? null;
}

export function createFacilitation(doc: Y.Doc, canControl: Accessor<boolean>, connected: Accessor<boolean>): Facilitation {
  const clock = createServerClock(connected);
  const [timer, setTimer] = createSignal(readTimer(doc), { equals: sameTimer });
  const [rounds, setRounds] = createSignal(readRounds(doc), { equals: sameRounds });
  const onUpdate = () => {
    setTimer(readTimer(doc));
    setRounds(readRounds(doc));
  };
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));

  const write =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R | null => {
      if (!canControl()) return null;
      try {
        return fn(...args);
      } catch (e) {
        // A record removed by another facilitator meanwhile, a bad number: nothing to write.
        console.warn('Facilitator action not applied:', e);
        return null;
      }
    };

  return {
    clock,
    timer,
    rounds,
    setTitle: write((title: string) => setSessionTitle(doc, title)),
    setCurrentPhase: write((phaseId: string) => setCurrentPhase(doc, phaseId)),
    setPhaseLocked: write((phaseId: string, locked: boolean) => setPhaseLocked(doc, phaseId, locked)),
    bringEveryone: write((phaseId: string, viewport: FollowViewport | null) => void setSpotlight(doc, phaseId, viewport)),
    setLanguage: write((language: Language) => setSessionLanguage(doc, language)),
    addTopic: write((label: string) => addTopic(doc, label)),
    renameTopic: write((id: string, label: string) => renameTopic(doc, id, label)),
    moveTopic: write((ids: readonly string[], id: string, by: -1 | 1) => {
      const before = reorderTarget(ids, id, by);
      if (before !== undefined) reorderTopic(doc, id, before);
    }),
    removeTopic: write((id: string) => removeTopic(doc, id)),
    addPhase: write((input: PhaseInput) => addPhase(doc, input)),
    updatePhase: write((id: string, input: Partial<PhaseInput>) => updatePhase(doc, id, input)),
    movePhase: write((ids: readonly string[], id: string, by: -1 | 1) => {
      const before = reorderTarget(ids, id, by);
      if (before !== undefined) reorderPhase(doc, id, before);
    }),
    removePhase: write((id: string) => removePhase(doc, id)),
    addTable: write((name: string) => addTable(doc, name)),
    renameTable: write((id: string, name: string) => renameTable(doc, id, name)),
    removeTable: write((id: string) => removeTable(doc, id)),
    addPrompt: write((phaseId: string, input: PromptInput) => addPrompt(doc, phaseId, input)),
    updatePrompt: write((id: string, patch: Partial<Omit<PromptInput, 'role' | 'parent'>>) => updatePrompt(doc, id, patch)),
    movePrompt: write((ids: readonly string[], id: string, by: -1 | 1) => {
      const before = reorderTarget(ids, id, by);
      if (before !== undefined) reorderPrompt(doc, id, before);
    }),
    removePrompt: write((id: string) => removePrompt(doc, id)),
    setRounds: write((count: number, minutes: number) => setRoundSettings(doc, { count, lengthMs: Math.round(minutes * 60_000) })),
    startRound: write((round: number) => startRound(doc, round, clock.now())),
    pauseTimer: write(() => pauseTimer(doc, clock.now())),
    resumeTimer: write(() => resumeTimer(doc, clock.now())),
    extendTimer: write((ms: number) => extendTimer(doc, ms, clock.now())),
    resetTimer: write(() => resetTimer(doc)),
    endTimer: write(() => endTimer(doc, clock.now())),
    openVoting: write((input: OpenVotingInput) => openVoting(doc, input)),
    closeVoting: write(() => closeVoting(doc)),
    criteria: createCriteriaView(doc),
    ...criteriaWrites(doc, write),
  };
}
