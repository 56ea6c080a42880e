import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING, type Note } from '@wcb/shared';
import { HEADER_H, layoutBoard, CELL_PAD } from '../../client/src/board-logic/layout';
import { dropBefore, STEP_H, stepPlacements } from '../../client/src/board-logic/steps-layout';
import { topNotes } from '../../client/src/board-logic/vote-bars';
import { authorFor, loadSeat, participantId, saveSeat, toggledAuthor, voterFor } from '../../client/src/lib/seat';
import type { KeyValueStore } from '../../client/src/lib/storage';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const note = (id: string, patch: Partial<Note> = {}): Note => ({
  id,
  text: id,
  phase: 'p',
  topic: 'a',
  x: 0,
  y: 0,
  color: 'yellow',
  table: '',
  author: '',
  round: 0,
  createdAt: 0,
  order: 0,
  stack: '',
  ...patch,
});

describe('seat: participant id, table and anonymity per session', () => {
  it('keeps one participant id per device', () => {
    const store = memoryStore();
    const id = participantId(store, () => 'device-id-0001');
    expect(id).toBe('device-id-0001');
    expect(participantId(store, () => 'another-id-0002')).toBe(id);
  });

  it('replaces a stored id that is not one of ours', () => {
    const store = memoryStore();
    store.setItem('wcb.participant', JSON.stringify('x'));
    expect(participantId(store, () => 'fresh-id-00003')).toBe('fresh-id-00003');
  });

  it('keeps the table and the anonymous toggle per session', () => {
    const store = memoryStore();
    expect(loadSeat(store, 's1')).toEqual({ table: '', anonymous: false });
    saveSeat(store, 's1', { table: 't2' });
    saveSeat(store, 's1', { anonymous: true });
    saveSeat(store, 's2', { table: 't9' });
    expect(loadSeat(store, 's1')).toEqual({ table: 't2', anonymous: true });
    expect(loadSeat(store, 's2')).toEqual({ table: 't9', anonymous: false });
  });

  it('reads garbage as no seat', () => {
    const store = memoryStore();
    store.setItem('wcb.seats', '{"s1": {"table": 5, "anonymous": "yes"}}');
    expect(loadSeat(store, 's1')).toEqual({ table: '', anonymous: false });
    store.setItem('wcb.seats', 'not json');
    expect(loadSeat(store, 's1')).toEqual({ table: '', anonymous: false });
  });

  it('votes as the participant, or as the table when voting is per table', () => {
    expect(voterFor({ per: 'participant' }, 'me', '', [])).toBe('me');
    expect(voterFor({ per: 'table' }, 'me', 't1', ['t1', 't2'])).toBe('t1');
    expect(voterFor({ per: 'table' }, 'me', '', ['t1'])).toBeNull();
    // A table that was removed is no table.
    expect(voterFor({ per: 'table' }, 'me', 'gone', ['t1'])).toBeNull();
  });

  it('stamps the author unless anonymous; one tap toggles name and anonymous', () => {
    expect(authorFor('Olena', false)).toBe('Olena');
    expect(authorFor('Olena', true)).toBe('');
    expect(toggledAuthor('Olena', 'Olena')).toBe('');
    expect(toggledAuthor('', 'Olena')).toBe('Olena');
    expect(toggledAuthor('Someone else', 'Olena')).toBe('');
  });
});

describe('steps layout', () => {
  it('makes each cell as tall as its list', () => {
    const notes = [note('1'), note('2'), note('3'), note('4', { topic: 'b' })];
    const placements = stepPlacements(['a', 'b'], notes);
    const layout = layoutBoard(['a', 'b'], placements);
    const bodyH = layout.columns[0]!.height - HEADER_H;
    expect(bodyH).toBeGreaterThanOrEqual(3 * STEP_H + CELL_PAD);
    const many = layoutBoard(['a'], stepPlacements(['a'], Array.from({ length: 12 }, (_, i) => note(`n${i}`))));
    expect(many.columns[0]!.height - HEADER_H).toBe(12 * STEP_H + CELL_PAD);
  });

  it('puts steps of unknown topics in the cross-cutting row', () => {
    expect(stepPlacements(['a'], [note('1', { topic: 'zzz' })])).toEqual([{ topic: CROSS_CUTTING, x: 0, y: 0 }]);
  });

  it('drops before the item under the pointer, or after it past its middle', () => {
    const ids = ['a', 'b', 'c'];
    expect(dropBefore(ids, 'c', 'a', false)).toBe('a');
    expect(dropBefore(ids, 'a', 'b', true)).toBe('c');
    expect(dropBefore(ids, 'a', 'c', true)).toBeNull();
    expect(dropBefore(ids, 'a', 'a', true)).toBeUndefined();
    expect(dropBefore(ids, 'a', 'x', true)).toBeUndefined();
  });
});

describe('vote bars', () => {
  it('lists the notes with the most dots, ties to the older note, none without dots', () => {
    const notes = [note('a', { createdAt: 3 }), note('b', { createdAt: 1 }), note('c', { createdAt: 2 }), note('d')];
    const counts = new Map([
      ['a', 2],
      ['b', 2],
      ['c', 5],
    ]);
    expect(topNotes(notes, counts, 5).map((r) => [r.note.id, r.votes])).toEqual([
      ['c', 5],
      ['b', 2],
      ['a', 2],
    ]);
    expect(topNotes(notes, counts, 1).map((r) => r.note.id)).toEqual(['c']);
  });
});
