import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, moveNote, setNoteText } from '@wcb/shared';
import { summarize } from '../../client/src/board-logic/announcements';
import { watchRemoteNotes, type RemoteNoteChange } from '../../client/src/sync/remote-notes';
import type { Room } from '../../client/src/sync/room';

describe('live announcements of other people\'s changes', () => {
  it('says "Olena added 3 notes" once for three notes added in one window', () => {
    const out = summarize([
      { kind: 'added', note: 'n1', who: 'Olena' },
      { kind: 'added', note: 'n2', who: 'Olena' },
      { kind: 'edited', note: 'n2' },
      { kind: 'added', note: 'n3', who: 'Olena' },
    ]);
    expect(out).toEqual([{ key: 'a11y.added', params: { who: 'Olena', count: 3 } }]);
  });

  it('names each author separately and counts anonymous notes without a name', () => {
    const out = summarize([
      { kind: 'added', note: 'n1', who: 'Olena' },
      { kind: 'added', note: 'n2', who: '' },
      { kind: 'added', note: 'n3', who: 'Petro' },
    ]);
    expect(out).toEqual([
      { key: 'a11y.added', params: { who: 'Olena', count: 1 } },
      { key: 'a11y.addedAnonymous', params: { count: 1 } },
      { key: 'a11y.added', params: { who: 'Petro', count: 1 } },
    ]);
  });

  it('counts many edits of one note as one edited note', () => {
    const out = summarize([
      { kind: 'edited', note: 'n1' },
      { kind: 'edited', note: 'n1' },
      { kind: 'edited', note: 'n2' },
    ]);
    expect(out).toEqual([{ key: 'a11y.edited', params: { count: 2 } }]);
  });

  it('says nothing of a note added and removed within the window', () => {
    expect(summarize([{ kind: 'added', note: 'n1', who: 'Olena' }, { kind: 'edited', note: 'n1' }, { kind: 'removed', note: 'n1' }])).toEqual([]);
  });

  it('reports a removal of an existing note, not its earlier edits', () => {
    expect(summarize([{ kind: 'edited', note: 'n1' }, { kind: 'removed', note: 'n1' }])).toEqual([{ key: 'a11y.removed', params: { count: 1 } }]);
  });

  it('says the phase first, then the timer and voting, with only their latest state', () => {
    const out = summarize([
      { kind: 'added', note: 'n1', who: 'Olena' },
      { kind: 'voting', open: true },
      { kind: 'phase', title: 'Reality' },
      { kind: 'phase', title: 'Ideal' },
      { kind: 'timer-ended' },
      { kind: 'voting', open: false },
    ]);
    expect(out.map((a) => a.key)).toEqual(['a11y.phase', 'a11y.timerEnded', 'a11y.votingClosed', 'a11y.added']);
    expect(out[0]).toEqual({ key: 'a11y.phase', params: { title: 'Ideal' } });
  });

  it('says nothing for an empty window', () => {
    expect(summarize([])).toEqual([]);
  });
});

describe('which note changes count as other people\'s', () => {
  // A room as the watcher sees it: a document, and whether its first server sync is done.
  const room = (doc: Y.Doc, synced: { value: boolean }) => ({ doc, state: () => ({ everSynced: synced.value }) }) as unknown as Room;
  // What a remote peer's update looks like on arrival: applied with the provider as origin.
  const provider = {};
  const relay = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), provider);

  it('reports a remote note added, its text edited and its removal; ignores moves', () => {
    const [mine, theirs] = [new Y.Doc(), new Y.Doc()];
    const seen: RemoteNoteChange[] = [];
    watchRemoteNotes(room(mine, { value: true }), (changes) => seen.push(...changes));
    const id = addNote(theirs, { topic: 'government', text: 'hello', author: 'Olena' });
    relay(theirs, mine);
    setNoteText(theirs, id, 'hello there');
    relay(theirs, mine);
    moveNote(theirs, id, { x: 40, y: 40 });
    relay(theirs, mine);
    deleteNote(theirs, id);
    relay(theirs, mine);
    expect(seen).toEqual([
      { kind: 'added', note: id, who: 'Olena' },
      { kind: 'edited', note: id },
      { kind: 'removed', note: id },
    ]);
  });

  it('never reports this device\'s own changes, nor anything before the first sync', () => {
    const [mine, theirs] = [new Y.Doc(), new Y.Doc()];
    const synced = { value: false };
    const seen: RemoteNoteChange[] = [];
    watchRemoteNotes(room(mine, synced), (changes) => seen.push(...changes));
    addNote(theirs, { topic: 'government', text: 'already there', author: 'Olena' });
    relay(theirs, mine);
    synced.value = true;
    const own = addNote(mine, { topic: 'government', text: 'mine' });
    setNoteText(mine, own, 'still mine');
    expect(seen).toEqual([]);
  });
});
