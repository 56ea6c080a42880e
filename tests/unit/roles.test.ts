import { describe, expect, it } from 'vitest';
import {
  buildSessionDocs,
  controlMaps,
  NO_CONTROL_FACTS,
  parseRoomName,
  readControlFacts,
  roomAccess,
  votesRoom,
  type ControlFacts,
  type RoomRef,
} from '@wcb/shared';

const sid = 'session-0001';
const control: RoomRef = { kind: 'control', sessionId: sid };
const phase: RoomRef = { kind: 'phase', sessionId: sid, phaseId: 'ideal' };
const votes: RoomRef = { kind: 'votes', sessionId: sid, phaseId: 'ideal' };
const facts = (f: Partial<{ locked: string[]; voting: string | null }>): ControlFacts => ({
  lockedPhases: new Set(f.locked ?? []),
  votingPhase: f.voting ?? null,
});

describe('room access by role', () => {
  it('a viewer reads every room and writes none', () => {
    for (const room of [control, phase, votes]) {
      expect(roomAccess('viewer', room, facts({ voting: 'ideal' }))).toBe('read');
    }
  });

  it('only the facilitator writes the control room', () => {
    expect(roomAccess('facilitator', control, NO_CONTROL_FACTS)).toBe('write');
    expect(roomAccess('participant', control, NO_CONTROL_FACTS)).toBe('read');
  });

  it('a locked phase accepts writes from nobody, the facilitator included', () => {
    expect(roomAccess('participant', phase, NO_CONTROL_FACTS)).toBe('write');
    expect(roomAccess('participant', phase, facts({ locked: ['ideal'] }))).toBe('read');
    expect(roomAccess('facilitator', phase, facts({ locked: ['ideal'] }))).toBe('read');
    expect(roomAccess('participant', phase, facts({ locked: ['reality'] }))).toBe('write');
  });

  it('a votes room is writable only while voting is open on its phase and the phase is unlocked', () => {
    expect(roomAccess('participant', votes, NO_CONTROL_FACTS)).toBe('read');
    expect(roomAccess('participant', votes, facts({ voting: 'reality' }))).toBe('read');
    expect(roomAccess('participant', votes, facts({ voting: 'ideal' }))).toBe('write');
    expect(roomAccess('facilitator', votes, facts({ voting: 'ideal', locked: ['ideal'] }))).toBe('read');
  });
});

describe('control facts', () => {
  it('are read from phase locks and open voting in the control document', () => {
    const doc = buildSessionDocs({ sessionId: sid, templateId: 'world-cafe-ngo', language: 'uk' }).control;
    expect(readControlFacts(doc)).toEqual({ lockedPhases: new Set(), votingPhase: null });
    const { phases, state } = controlMaps(doc);
    phases.get('reality')!.set('locked', true);
    state.set('voting', { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false, open: true });
    expect(readControlFacts(doc)).toEqual({ lockedPhases: new Set(['reality']), votingPhase: 'ideal' });
    state.set('voting', { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false, open: false });
    expect(readControlFacts(doc).votingPhase).toBeNull();
  });

  it('ignore malformed voting state and truthy-but-not-true locks from a peer', () => {
    const doc = buildSessionDocs({ sessionId: sid, templateId: 'blank', language: 'en' }).control;
    controlMaps(doc).phases.get('phase-1')!.set('locked', 'yes');
    controlMaps(doc).state.set('voting', 'open');
    (controlMaps(doc).phases as unknown as { set(k: string, v: unknown): void }).set('junk', 'not a record');
    expect(readControlFacts(doc)).toEqual({ lockedPhases: new Set(), votingPhase: null });
  });
});

describe('room names', () => {
  it('parse the votes room and reject look-alikes', () => {
    expect(parseRoomName(votesRoom(sid, 'ideal'))).toEqual(votes);
    for (const bad of [`${sid}/votes`, `${sid}/votes/ideal/x`, `${sid}/vote/ideal`, `../${sid}/control`, `${sid}/phase/%2e%2e`]) {
      expect(parseRoomName(bad), bad).toBeNull();
    }
  });
});
