import { describe, expect, it } from 'vitest';
import { assignColors, PRESENCE_COLORS, readPresence, type Presence } from '@wcb/shared';
import { otherPeople, peopleColors } from '../../client/src/sync/people';
import type { Peers } from '../../client/src/sync/presence';

const ids = (n: number, prefix = 'person'): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

const presence = (user: Partial<Presence['user']>): Presence => ({
  user: { name: '', color: '#888888', id: '', guest: null, ...user },
  phase: 'p',
  cursor: null,
  editing: null,
});

describe('colours of the people present', () => {
  it('gives every two people present different colours, up to the palette and beyond it', () => {
    for (const n of [2, 5, PRESENCE_COLORS.length, PRESENCE_COLORS.length + 7]) {
      const colors = assignColors(ids(n));
      expect(colors.size).toBe(n);
      expect(new Set(colors.values()).size).toBe(n);
      for (const c of colors.values()) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('uses the palette first', () => {
    const colors = assignColors(ids(PRESENCE_COLORS.length));
    expect([...colors.values()].sort()).toEqual([...PRESENCE_COLORS].sort());
  });

  it('is the same on every board, whatever order the people arrived in', () => {
    const people = ids(9, 'x');
    const a = assignColors(people);
    const b = assignColors([...people].reverse());
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('two people whose ids want the same colour still differ', () => {
    // Find two ids with the same preferred colour (the first free slot when each is alone).
    const alone = new Map<string, string[]>();
    for (const id of ids(200, 'guest')) {
      const c = assignColors([id]).get(id)!;
      alone.set(c, [...(alone.get(c) ?? []), id]);
    }
    const clash = [...alone.values()].find((list) => list.length >= 2)!;
    const colors = assignColors(clash.slice(0, 2));
    expect(colors.get(clash[0]!)).not.toBe(colors.get(clash[1]!));
  });

  it('this person is coloured too, among the others', () => {
    const colors = peopleColors('me-00000000', [{ key: 'p:a', user: presence({ id: 'other-0000', name: 'A' }).user }]);
    expect(colors.size).toBe(2);
    expect(colors.get('me-00000000')).not.toBe(colors.get('other-0000'));
  });
});

describe('people, not connections', () => {
  it('counts a person with two tabs once, never counts this person, and keeps clients without an id', () => {
    const peers: Peers = {
      1: presence({ id: 'olena-0001', name: 'Олена' }),
      2: presence({ id: 'olena-0001', name: 'Олена' }),
      3: presence({ id: 'me-00000001', name: 'Me' }),
      4: presence({ name: 'Old client' }),
      5: presence({ name: '' }),
      6: presence({ id: 'guest-0042', guest: 42 }),
    };
    const others = otherPeople(peers, 'me-00000001');
    expect(others.map((p) => p.key).sort()).toEqual(['c:4', 'p:guest-0042', 'p:olena-0001']);
  });

  it('reads a person id and a guest number from presence, and drops malformed ones', () => {
    expect(readPresence({ user: { name: 'A', id: 'abcdefgh12', guest: 42 } })?.user).toMatchObject({ id: 'abcdefgh12', guest: 42 });
    expect(readPresence({ user: { name: 'A', id: '<script>', guest: 4.5 } })?.user).toMatchObject({ id: '', guest: null });
    expect(readPresence({ user: { name: 'A', guest: -1 } })?.user.guest).toBeNull();
  });
});
