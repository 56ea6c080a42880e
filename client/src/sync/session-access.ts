import type { Accessor } from 'solid-js';
import { roomAccess, type ControlFacts, type Role } from '@wcb/shared';
import type { ReadOnlyReason } from './access';
import type { AccessProblem } from './auth';
import { blocksWrites } from './refusal';

export type AccessInputs = {
  sessionId: string;
  role: Accessor<Role>;
  problem: Accessor<AccessProblem | null>;
  facts: Accessor<ControlFacts>;
  /** The control document was saved by a newer app version: this one writes nothing. */
  controlNewer: Accessor<boolean>;
  /** Why the server refused this device's last control write, if it did. */
  controlDenied: Accessor<string | null>;
};

export type SessionAccess = {
  /** Facilitator: may switch and lock phases and write the control document. */
  canControl: Accessor<boolean>;
  /** Why phase `phaseId` is read-only for this person, ignoring what only its room knows. */
  phaseReason(phaseId: string): ReadOnlyReason | null;
  /** The votes room of `phaseId` accepts this person's dots. */
  canVoteOn(phaseId: string): boolean;
};

/**
 * What this person may write, from their role, the server's answers and the control document's
 * facts: the same rule the server applies (roles.ts `roomAccess`), asked before writing so that a
 * write the server would refuse is never made (a refused write holds back this device's later ones).
 */
export function makeSessionAccess(input: AccessInputs): SessionAccess {
  const { sessionId } = input;
  const refused = () => input.controlNewer() || input.problem() === 'unauthorized';
  return {
    canControl: () =>
      !refused() && !blocksWrites(input.controlDenied()) && roomAccess(input.role(), { kind: 'control', sessionId }, input.facts()) === 'write',
    phaseReason(phaseId) {
      if (input.controlNewer()) return 'newer';
      if (input.problem() === 'unauthorized') return 'unauthorized';
      if (input.role() === 'viewer') return 'viewer';
      return roomAccess(input.role(), { kind: 'phase', sessionId, phaseId }, input.facts()) === 'read' ? 'locked' : null;
    },
    canVoteOn: (phaseId) => !refused() && roomAccess(input.role(), { kind: 'votes', sessionId, phaseId }, input.facts()) === 'write',
  };
}
