import { batch, createEffect, createMemo, createSignal, type Accessor } from 'solid-js';
import { viewedPhase, type Spotlight } from '@wcb/shared';
import { createPresses } from './follow';

export type NavigationInputs = {
  /** Whoever controls the session always shows the current phase. */
  canControl: Accessor<boolean>;
  /** The session's state is on this device (the board can show a phase). */
  ready: Accessor<boolean>;
  /** The server's state has arrived at least once: what IndexedDB had may be old until then. */
  synced: Accessor<boolean>;
  currentPhase: Accessor<string>;
  phaseIds: Accessor<readonly string[]>;
  spotlight: Accessor<Spotlight | null>;
};

export type Navigation = {
  /** The phase this device shows (see `createNavigation`). */
  viewPhase: Accessor<string>;
  /** Follow mode: the phase shown moves with the session's current phase. */
  following: Accessor<boolean>;
  /** Follow (true): shows the current phase from now on. False: stay on the phase shown. */
  setFollowing(on: boolean): void;
  /** The last "bring everyone here" that moved this device (a new object per press). */
  brought: Accessor<Spotlight | null>;
  /** Shows `phaseId` here and leaves follow mode (a participant picking a phase). */
  roamTo(phaseId: string): void;
};

/**
 * Which phase this device shows. Participants roam: each stays on the phase they look at until
 * they pick another or the facilitator brings everyone somewhere (once per press). Follow mode
 * (the current phase, wherever it moves) is something a person turns on, and the projector does;
 * whoever controls the session always follows.
 */
export function createNavigation(input: NavigationInputs): Navigation {
  const [followSignal, setFollowSignal] = createSignal(false);
  const [localPhase, setLocalPhase] = createSignal<string | null>(null);
  const [brought, setBrought] = createSignal<Spotlight | null>(null, { equals: false });
  const following = () => input.canControl() || followSignal();
  const viewPhase = createMemo(() =>
    viewedPhase({ following: following(), currentPhase: input.currentPhase(), localPhase: localPhase(), phaseIds: input.phaseIds() }),
  );
  // A roaming person's phase is the current phase until the server's state is known, then stays
  // theirs; again if their phase is removed.
  createEffect(() => {
    if (following() || !input.ready() || !input.synced()) return;
    const local = localPhase();
    if (local && input.phaseIds().includes(local)) return;
    setLocalPhase(input.currentPhase());
  });
  createPresses(input.spotlight, input.ready, (spot) => {
    if (input.canControl()) return;
    batch(() => {
      setLocalPhase(spot.phaseId);
      setBrought(spot);
    });
  });
  return {
    viewPhase,
    following,
    brought,
    setFollowing: (on) =>
      batch(() => {
        if (!on) setLocalPhase(viewPhase());
        setFollowSignal(on);
      }),
    roamTo: (phaseId) => {
      if (phaseId === viewPhase()) return;
      batch(() => {
        setLocalPhase(phaseId);
        setFollowSignal(false);
      });
    },
  };
}
