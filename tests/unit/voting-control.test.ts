import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  buildSessionDocs,
  closeVoting,
  initPhaseDoc,
  LocalOrigin,
  openVoting,
  proposeCriteria,
  readControlFacts,
  readNotes,
  readSelection,
  readVotingSettings,
  setSelection,
  stackNote,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

const control = () => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'uk' }).control;

describe('voting settings', () => {
  it('opening and closing voting writes one settings value that opens and closes the votes room', () => {
    const doc = control();
    const actions: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin instanceof LocalOrigin) actions.push(tr.origin.action);
    });
    openVoting(doc, { phaseId: 'ideal', budget: 5, per: 'table', hideCounts: true });
    expect(readVotingSettings(doc)).toEqual({ phaseId: 'ideal', budget: 5, per: 'table', hideCounts: true, open: true });
    expect(readControlFacts(doc).votingPhase).toBe('ideal');
    closeVoting(doc);
    expect(readVotingSettings(doc)).toEqual({ phaseId: 'ideal', budget: 5, per: 'table', hideCounts: true, open: false });
    expect(readControlFacts(doc).votingPhase).toBeNull();
    closeVoting(doc);
    expect(actions).toEqual(['voting.open', 'voting.close']);
  });

  it('voting opens only on an existing phase, with a sane budget', () => {
    const doc = control();
    expect(() => openVoting(doc, { phaseId: 'nope', budget: 3, per: 'participant', hideCounts: false })).toThrow(/No phase "nope"/);
    openVoting(doc, { phaseId: 'reality', budget: 2.7, per: 'participant', hideCounts: false });
    expect(readVotingSettings(doc)?.budget).toBe(2);
    openVoting(doc, { phaseId: 'reality', budget: Number.POSITIVE_INFINITY, per: 'participant', hideCounts: false });
    expect(readVotingSettings(doc)?.budget).toBe(0);
  });
});

/** Notes of the ideal phase: id -> [topic, createdAt]. */
function notesOf(spec: Record<string, [string, number]>) {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'ideal');
  for (const [id, [topic, at]] of Object.entries(spec)) addNote(doc, { topic, text: id }, at, id);
  return doc;
}

describe('proposed criteria', () => {
  it('per topic, the most-voted notes; ties go to the older note; notes without votes never', () => {
    const doc = notesOf({
      trust: ['ngos', 5],
      expertise: ['ngos', 1],
      goals: ['ngos', 3],
      rights: ['ngos', 2],
      unvoted: ['ngos', 0],
      finance: ['government', 1],
      silent: ['community', 1],
    });
    const votes = new Map([['trust', 4], ['expertise', 2], ['goals', 2], ['rights', 2], ['finance', 1], ['silent', 0]]);
    expect(proposeCriteria(readNotes(doc), votes)).toEqual(
      new Map([
        ['government', ['finance']],
        ['ngos', ['trust', 'expertise', 'rights']],
      ]),
    );
    expect(proposeCriteria(readNotes(doc), votes, 1).get('ngos')).toEqual(['trust']);
  });

  it('a stack competes as one idea with all its notes’ dots, under its head', () => {
    const doc = notesOf({ a: ['ngos', 1], b: ['ngos', 2], c: ['ngos', 3], d: ['ngos', 4] });
    stackNote(doc, 'b', 'a');
    stackNote(doc, 'c', 'a');
    const votes = new Map([['b', 1], ['c', 1], ['d', 2]]);
    expect(proposeCriteria(readNotes(doc), votes).get('ngos')).toEqual(['a', 'd']);
  });
});

describe('selected criteria', () => {
  it('the facilitator confirms a topic’s list and edits it by replacing it whole', () => {
    const doc = control();
    setSelection(doc, 'ideal', 'ngos', ['trust', 'expertise', 'trust']);
    setSelection(doc, 'ideal', 'government', ['finance']);
    expect(readSelection(doc, 'ideal')).toEqual(new Map([['government', ['finance']], ['ngos', ['trust', 'expertise']]]));
    setSelection(doc, 'ideal', 'ngos', ['expertise']);
    expect(readSelection(doc, 'ideal').get('ngos')).toEqual(['expertise']);
    expect(readSelection(doc, 'reality')).toEqual(new Map());
  });

  it('a malformed selection from a peer reads as ids only', () => {
    const doc = control();
    setSelection(doc, 'ideal', 'ngos', ['ok']);
    const selections = doc.getMap<unknown>('selections');
    selections.set('ideal/government', ['good', 42, '../bad id', null]);
    selections.set('ideal/community', 'not a list');
    expect(readSelection(doc, 'ideal')).toEqual(new Map([['government', ['good']], ['ngos', ['ok']]]));
  });

  it('two facilitators confirming the first lists of a phase at once both keep them', () => {
    const a = control();
    const b = replica(a);
    setSelection(a, 'ideal', 'government', ['finance']);
    setSelection(b, 'ideal', 'community', ['strategy']);
    syncAll([a, b]);
    expect(readSelection(a, 'ideal')).toEqual(new Map([['community', ['strategy']], ['government', ['finance']]]));
    expect(readSelection(b, 'ideal')).toEqual(readSelection(a, 'ideal'));
  });

  it('two facilitators confirming different topics of a phase both keep their lists', () => {
    const a = control();
    setSelection(a, 'ideal', 'ngos', ['trust']);
    const b = replica(a);
    setSelection(a, 'ideal', 'government', ['finance']);
    setSelection(b, 'ideal', 'community', ['strategy']);
    syncAll([a, b]);
    expect(readSelection(a, 'ideal')).toEqual(readSelection(b, 'ideal'));
    expect([...readSelection(a, 'ideal').keys()]).toEqual(['community', 'government', 'ngos']);
  });
});
