import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { Presence } from '@wcb/shared';
import { loadPrefs, savePrefs, type Prefs } from '../../lib/prefs';
import { personId } from '../../lib/seat';
import type { KeyValueStore } from '../../lib/storage';

export type Me = {
  /** This device's preferences, read again after `save` and on a language switch (a guest's name is in it). */
  prefs: Accessor<Prefs>;
  /** This person as presence carries them. */
  user: Accessor<Presence['user']>;
  save(patch: Parameters<typeof savePrefs>[1]): void;
};

const sameUser = (a: Presence['user'], b: Presence['user']): boolean =>
  a.name === b.name && a.color === b.color && a.id === b.id && a.guest === b.guest;

/** The person on this device, as a signal: the board publishes it, and the name prompt edits it. */
export function createMe(store: KeyValueStore): Me {
  const id = personId(store);
  const [version, setVersion] = createSignal(0);
  // loadPrefs reads the word "Guest" through t(), so a language switch reads the name again.
  const prefs = createMemo(() => (version(), loadPrefs(store)));
  const user = createMemo(
    (): Presence['user'] => {
      const p = prefs();
      return { name: p.name, color: p.color, id, guest: p.chosenName ? null : p.guest };
    },
    undefined,
    { equals: sameUser },
  );
  return {
    prefs,
    user,
    save(patch) {
      savePrefs(store, patch);
      setVersion((v) => v + 1);
    },
  };
}
