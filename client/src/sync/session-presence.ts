import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from '@wcb/shared';
import { otherPeople, peopleColors, type Person } from './people';
import { makeLocalPresence, makePeers, type LocalPresence, type Peers } from './presence';

export type SessionPresence = {
  /** Presence in the session (control room), by connection, excluding this device. */
  people: Peers;
  /** The other people in the session, each once however many tabs they have open. */
  others: Accessor<Person[]>;
  /** This person as others see them. */
  me: Accessor<Presence['user']>;
  /** Changes this person's name (or colour) everywhere they are present. */
  setUser(user: Presence['user']): void;
  /** A person's colour on this board: distinct among the people present (see people.ts). */
  colorOf(user: Presence['user']): string;
  setCursor(cursor: Presence['cursor']): void;
  setEditing(noteId: string | null): void;
};

/**
 * Who is in the session is published in the control room (everyone is there); the cursor and the
 * note being edited only in the room of the phase this device shows (`phaseAwareness`), so a
 * cursor reaches only the people looking at the same phase. Withdrawn with the owner.
 */
export function createSessionPresence(
  controlAwareness: Awareness,
  phaseAwareness: Accessor<Awareness | null>,
  viewPhase: Accessor<string>,
  user: Presence['user'],
): SessionPresence {
  const [me, setMe] = createSignal(user);
  const base = (): Presence => ({ user: me(), phase: viewPhase(), cursor: null, editing: null });
  const inControl = makeLocalPresence(controlAwareness, untrack(base));
  const people = makePeers(controlAwareness);
  const others = createMemo(() => otherPeople(people.peers, me().id));
  const colors = createMemo(() => peopleColors(me().id, others()));
  const [inPhase, setInPhase] = createSignal<LocalPresence | null>(null);
  createEffect(
    on(phaseAwareness, (awareness) => {
      inControl.set({ phase: untrack(viewPhase) });
      if (!awareness) return;
      const presence = makeLocalPresence(awareness, untrack(base));
      setInPhase(presence);
      onCleanup(() => {
        setInPhase(null);
        presence.dispose();
      });
    }),
  );
  onCleanup(() => {
    people.dispose();
    inControl.dispose();
  });
  return {
    people: people.peers,
    others,
    me,
    setUser: (next) => {
      setMe(next);
      inControl.set({ user: next });
      inPhase()?.set({ user: next });
    },
    colorOf: (u) => colors().get(u.id) ?? u.color,
    setCursor: (cursor) => inPhase()?.setCursor(cursor),
    setEditing: (editing) => inPhase()?.set({ editing }),
  };
}
