import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { createRoot, createSignal } from 'solid-js';
import { applyTemplate, setSpotlight, startRound, openVoting, type ControlFacts, type Role, type Spotlight, type VotingSettings } from '@wcb/shared';
import { makeSessionAccess } from '../../client/src/sync/session-access';
import { createNavigation } from '../../client/src/sync/session-navigation';
import { createControlSignals } from '../../client/src/sync/session-control';
import { createSessionPresence } from '../../client/src/sync/session-presence';
import { createVotingRooms } from '../../client/src/sync/session-voting';
import { createPhaseRooms } from '../../client/src/sync/session-phase-rooms';
import type { PhaseRoom } from '../../client/src/sync/phase-room';
import type { VotesRoom } from '../../client/src/sync/votes';
import type { AccessProblem } from '../../client/src/sync/auth';

const SID = 'session-parts-1';
const facts = (locked: string[] = [], votingPhase: string | null = null): ControlFacts => ({ lockedPhases: new Set(locked), votingPhase });
const updateListeners = (doc: Y.Doc): number => (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0;

function accessWith(role: Role, f: ControlFacts, extra: { problem?: AccessProblem; newer?: boolean; denied?: string | null } = {}) {
  return makeSessionAccess({
    sessionId: SID,
    role: () => role,
    problem: () => extra.problem ?? null,
    facts: () => f,
    controlNewer: () => extra.newer ?? false,
    controlDenied: () => extra.denied ?? null,
  });
}

describe('session access', () => {
  it('lets a facilitator control, and nobody else', () => {
    expect(accessWith('facilitator', facts()).canControl()).toBe(true);
    expect(accessWith('participant', facts()).canControl()).toBe(false);
    expect(accessWith('viewer', facts()).canControl()).toBe(false);
  });

  it('names the most fundamental reason a phase is read-only', () => {
    expect(accessWith('participant', facts()).phaseReason('ideal')).toBeNull();
    expect(accessWith('participant', facts(['ideal'])).phaseReason('ideal')).toBe('locked');
    expect(accessWith('facilitator', facts(['ideal'])).phaseReason('ideal')).toBe('locked');
    expect(accessWith('viewer', facts()).phaseReason('ideal')).toBe('viewer');
    expect(accessWith('participant', facts(['ideal']), { problem: 'unauthorized' }).phaseReason('ideal')).toBe('unauthorized');
    expect(accessWith('viewer', facts(), { newer: true, problem: 'unauthorized' }).phaseReason('ideal')).toBe('newer');
  });

  it('takes dots only on the voted phase, and not when it is locked or the link was refused', () => {
    expect(accessWith('participant', facts([], 'ideal')).canVoteOn('ideal')).toBe(true);
    expect(accessWith('participant', facts([], 'ideal')).canVoteOn('reality')).toBe(false);
    expect(accessWith('participant', facts(['ideal'], 'ideal')).canVoteOn('ideal')).toBe(false);
    expect(accessWith('participant', facts([], 'ideal'), { problem: 'unauthorized' }).canVoteOn('ideal')).toBe(false);
  });

  it('stops control after a read-only refusal, but not after a storage one (deleting still frees room)', () => {
    expect(accessWith('facilitator', facts(), { denied: 'read-only' }).canControl()).toBe(false);
    expect(accessWith('facilitator', facts(), { denied: 'room-full' }).canControl()).toBe(true);
    expect(accessWith('facilitator', facts(), { newer: true }).canControl()).toBe(false);
  });
});

function navigationRoot(canControl = false) {
  return createRoot((dispose) => {
    const [current, setCurrent] = createSignal('ideal');
    const [spotlight, setSpot] = createSignal<Spotlight | null>(null);
    const [ready, setReady] = createSignal(false);
    const nav = createNavigation({
      canControl: () => canControl,
      ready,
      synced: ready,
      currentPhase: current,
      phaseIds: () => ['ideal', 'reality', 'steps'],
      spotlight,
    });
    return { nav, setCurrent, setSpot, setReady, dispose };
  });
}

describe('session navigation', () => {
  it('keeps a roaming participant on their phase when the current phase moves', () => {
    const t = navigationRoot();
    t.setReady(true);
    expect(t.nav.viewPhase()).toBe('ideal');
    t.setCurrent('reality');
    expect(t.nav.viewPhase()).toBe('ideal');
    expect(t.nav.following()).toBe(false);
    t.dispose();
  });

  it('moves everyone once per press, following or not, and lets them roam in between', () => {
    const t = navigationRoot();
    t.setReady(true);
    t.setSpot({ phaseId: 'steps', viewport: null, seq: 1 });
    expect(t.nav.viewPhase()).toBe('steps');
    expect(t.nav.brought()?.seq).toBe(1);
    t.nav.roamTo('reality');
    expect(t.nav.viewPhase()).toBe('reality');
    t.setSpot({ phaseId: 'steps', viewport: null, seq: 2 });
    expect(t.nav.viewPhase()).toBe('steps');
    t.dispose();
  });

  it('follows the current phase once follow mode is on, and stays where it is when turned off', () => {
    const t = navigationRoot();
    t.setReady(true);
    t.nav.setFollowing(true);
    t.setCurrent('steps');
    expect(t.nav.viewPhase()).toBe('steps');
    t.nav.setFollowing(false);
    t.setCurrent('reality');
    expect(t.nav.viewPhase()).toBe('steps');
    t.dispose();
  });

  it('always shows the current phase to whoever controls the session', () => {
    const t = navigationRoot(true);
    t.setReady(true);
    t.setCurrent('steps');
    expect(t.nav.viewPhase()).toBe('steps');
    expect(t.nav.following()).toBe(true);
    t.nav.roamTo('ideal');
    expect(t.nav.viewPhase()).toBe('steps');
    t.dispose();
  });
});

describe('control signals', () => {
  it('follow the control document and stop listening to it when their owner is disposed', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, { sessionId: SID, templateId: 'world-cafe-ngo', language: 'en', now: 1 });
    const before = updateListeners(doc);
    createRoot((dispose) => {
      const signals = createControlSignals(doc);
      expect(updateListeners(doc)).toBe(before + 1);
      startRound(doc, 2, 1000);
      expect(signals.round()).toBe(2);
      openVoting(doc, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
      expect(signals.voting()?.open).toBe(true);
      setSpotlight(doc, 'reality', null);
      expect(signals.spotlight()?.phaseId).toBe('reality');
      dispose();
    });
    expect(updateListeners(doc)).toBe(before);
  });
});

describe('session presence', () => {
  it('publishes the person in the session and their cursor only in the phase shown, and withdraws both on dispose', () => {
    const control = new Awareness(new Y.Doc());
    const phaseA = new Awareness(new Y.Doc());
    const user = { id: 'p1', name: 'Olena', color: '#123456', guest: null };
    const t = createRoot((dispose) => {
      const [awareness, setAwareness] = createSignal<Awareness | null>(null);
      const presence = createSessionPresence(control, awareness, () => 'ideal', user);
      return { presence, setAwareness, dispose };
    });
    expect(control.getLocalState()).toMatchObject({ user, phase: 'ideal' });
    t.setAwareness(phaseA);
    t.presence.setCursor(null);
    t.presence.setEditing('n1');
    expect(phaseA.getLocalState()).toMatchObject({ user, editing: 'n1' });
    t.presence.setUser({ ...user, name: 'Olena K.' });
    expect(control.getLocalState()).toMatchObject({ user: { name: 'Olena K.' } });
    expect(phaseA.getLocalState()).toMatchObject({ user: { name: 'Olena K.' } });
    t.dispose();
    expect(control.getLocalState()).toBeNull();
    expect(phaseA.getLocalState()).toBeNull();
  });
});

type FakeRoom = { phaseId: string; disposed: boolean; pushes: number };
const fakeRoom = (phaseId: string) => {
  const record: FakeRoom = { phaseId, disposed: false, pushes: 0 };
  const state = () => ({ denied: null, waiting: false });
  const room = {
    phaseId,
    state,
    status: () => 'current',
    room: { state, clearDenied: () => {}, pushState: () => void record.pushes++, awareness: null },
    dispose: () => void (record.disposed = true),
  };
  return { record, room };
};

describe('voting rooms', () => {
  it('open on the voted phase while it is shown, close when a participant leaves it, and close with the owner', () => {
    const opened: FakeRoom[] = [];
    const t = createRoot((dispose) => {
      const [voting, setVoting] = createSignal<VotingSettings | null>(null);
      const [view, setView] = createSignal('ideal');
      const rooms = createVotingRooms({
        open: (phaseId) => {
          const { record, room } = fakeRoom(phaseId);
          opened.push(record);
          return { room: room as unknown as VotesRoom, dispose: room.dispose };
        },
        voting,
        viewPhase: view,
        ready: () => true,
        canControl: () => false,
        canVoteOn: (phaseId) => phaseId === voting()?.phaseId,
        roomOf: () => ({}) as PhaseRoom,
        facts: () => facts(),
        role: () => 'participant' as Role,
      });
      return { rooms, setVoting, setView, dispose };
    });
    expect(t.rooms.votes()).toBeNull();
    t.setVoting({ phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false, open: true });
    expect(t.rooms.votes()?.phaseId).toBe('ideal');
    expect(opened[0]!.pushes).toBe(1);
    t.setView('reality');
    expect(t.rooms.votes()).toBeNull();
    expect(opened[0]!.disposed).toBe(true);
    t.setView('ideal');
    expect(opened).toHaveLength(2);
    t.dispose();
    expect(opened[1]!.disposed).toBe(true);
  });
});

describe('phase rooms', () => {
  it('open each phase once, keep them while the board lives, and dispose them all with it', () => {
    const opened: FakeRoom[] = [];
    let guessDisposed = false;
    const t = createRoot((dispose) => {
      const [view, setView] = createSignal('ideal');
      const rooms = createPhaseRooms({
        open: (phaseId) => {
          const { record, room } = fakeRoom(phaseId);
          opened.push(record);
          return room as unknown as PhaseRoom;
        },
        viewPhase: view,
        ready: () => true,
        guess: { ready: () => true, shown: () => {}, dispose: () => void (guessDisposed = true) },
        phaseReason: (phaseId) => (phaseId === 'steps' ? 'locked' : null),
        facts: () => facts(['steps']),
        role: () => 'participant' as Role,
        clearControlDenied: () => {},
      });
      return { rooms, setView, dispose };
    });
    expect(t.rooms.phase()?.phaseId).toBe('ideal');
    t.setView('steps');
    expect(t.rooms.readOnlyReason()).toBe('locked');
    t.setView('ideal');
    expect(opened.map((r) => r.phaseId)).toEqual(['ideal', 'steps']);
    expect(opened.some((r) => r.disposed)).toBe(false);
    t.dispose();
    expect(opened.every((r) => r.disposed)).toBe(true);
    expect(guessDisposed).toBe(true);
  });
});
