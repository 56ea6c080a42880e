import { assignColors, type Presence } from '@wcb/shared';
import type { Peers } from './presence';

/**
 * People, not connections: a person with two tabs (or a phone and a tab sharing one browser
 * profile) announces the same person id from each, and is one person here. A client that
 * predates person ids is one person per connection.
 */

export type Person = { key: string; user: Presence['user'] };

const keyOf = (clientId: string, user: Presence['user']): string => (user.id ? `p:${user.id}` : `c:${clientId}`);

/** The other people present (never this person, whatever tab they have open), each once, by name. */
export function otherPeople(peers: Peers, myId: string): Person[] {
  const byKey = new Map<string, Person>();
  for (const [clientId, p] of Object.entries(peers)) {
    // A state without a name (a third-party client's empty one) is a connection, not a person.
    if (!p || (myId && p.user.id === myId) || (!p.user.name && p.user.guest === null)) continue;
    const key = keyOf(clientId, p.user);
    if (!byKey.has(key)) byKey.set(key, { key, user: p.user });
  }
  return [...byKey.values()].sort((a, b) => a.user.name.localeCompare(b.user.name) || (a.key < b.key ? -1 : 1));
}

/**
 * Everyone's colour, this person included: distinct among the people present and the same on
 * every board that sees them (assignColors). Keyed by person id.
 */
export function peopleColors(myId: string, others: readonly Person[]): Map<string, string> {
  return assignColors([myId, ...others.map((p) => p.user.id).filter((id) => id !== '')]);
}
