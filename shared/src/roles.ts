import * as Y from 'yjs';
import { controlMaps } from './control';
import type { RoomRef } from './rooms';

/**
 * Who may write where. A capability link carries one token; the server maps it to a role and
 * asks `roomAccess` before applying each write — never trusting the client, never parsing updates.
 */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);

/** The few facts of the control document that decide access to other rooms. */
export type ControlFacts = {
  /** Phases that accept writes from nobody (facilitator included) until unlocked. */
  lockedPhases: ReadonlySet<string>;
  /** The phase whose votes room is open, or null when no voting runs. */
  votingPhase: string | null;
};

export const NO_CONTROL_FACTS: ControlFacts = { lockedPhases: new Set(), votingPhase: null };

/**
 * The voting settings the facilitator writes into control `state` under key 'voting', as one
 * plain value (replaced whole, never merged field by field).
 */
export type VotingSettings = {
  phaseId: string;
  /** Dots per voter. */
  budget: number;
  /** Who a "voter" is: each participant, or each table (a shared laptop). */
  per: 'participant' | 'table';
  /** Hide counts from participants until voting closes. */
  hideCounts: boolean;
  open: boolean;
};

export function readVotingSettings(control: Y.Doc): VotingSettings | null {
  const v = controlMaps(control).state.get('voting') as Partial<VotingSettings> | undefined;
  if (!v || typeof v !== 'object' || typeof v.phaseId !== 'string') return null;
  return {
    phaseId: v.phaseId,
    budget: typeof v.budget === 'number' && Number.isFinite(v.budget) ? Math.max(0, Math.floor(v.budget)) : 0,
    per: v.per === 'table' ? 'table' : 'participant',
    hideCounts: v.hideCounts === true,
    open: v.open === true,
  };
}

export function readControlFacts(control: Y.Doc): ControlFacts {
  const lockedPhases = new Set<string>();
  controlMaps(control).phases.forEach((record, id) => {
    // A peer may have written anything here; the server asks this on every write.
    if (record instanceof Y.Map && record.get('locked') === true) lockedPhases.add(id);
  });
  const voting = readVotingSettings(control);
  return { lockedPhases, votingPhase: voting?.open ? voting.phaseId : null };
}

/**
 * The phases the control document defines (as records): the server opens phase and votes rooms
 * only for those, so made-up room names cannot hold storage or memory. Read at once; the server
 * caches it until the doc changes (sync-server doc-state/control-reads.ts).
 */
export function definedPhaseIds(control: Y.Doc): Set<string> {
  const ids = new Set<string>();
  controlMaps(control).phases.forEach((record, id) => {
    if (record instanceof Y.Map) ids.add(id);
  });
  return ids;
}

export type Access = 'read' | 'write';

/** Everyone with a valid token may read every room of its session; this decides writing. */
export function roomAccess(role: Role, room: RoomRef, facts: ControlFacts): Access {
  if (role === 'viewer') return 'read';
  switch (room.kind) {
    case 'control':
      return role === 'facilitator' ? 'write' : 'read';
    case 'phase':
      return facts.lockedPhases.has(room.phaseId) ? 'read' : 'write';
    case 'votes':
      return facts.votingPhase === room.phaseId && !facts.lockedPhases.has(room.phaseId) ? 'write' : 'read';
  }
}
