import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { summarize, type BoardEvent } from '../../board-logic/announcements';
import { t } from '../../i18n';
import { watchRemoteNotes } from '../../sync/remote-notes';
import type { Session } from '../../sync/session';

// One sentence per window at most: enough to follow a busy table without a stream of chatter.
const WINDOW_MS = 4000;

// Events from components that are not the board's (the timer badge knows when a round ends).
const listeners = new Set<(e: BoardEvent) => void>();

/** Reports an event to the board's live region, if one is mounted. */
export function announce(event: BoardEvent): void {
  for (const fn of listeners) fn(event);
}

/**
 * The board's polite live region: other people's changes to the phase on screen, the facilitator
 * moving the phase or opening and closing voting, and the end of a round, coalesced into one short
 * message per window. Silent while the board loads and about this person's own changes.
 */
export function Announcer(props: { session: Session }) {
  const [message, setMessage] = createSignal('');
  const [count, setCount] = createSignal(0);
  let buffer: BoardEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const flush = () => {
    timer = undefined;
    const text = summarize(buffer)
      .map((a) => t(a.key, a.params))
      .join('. ');
    buffer = [];
    if (!text) return;
    // Emptied first, so a sentence equal to the last one is still read out again.
    setMessage('');
    frame = requestAnimationFrame(() => {
      setMessage(text);
      setCount((c) => c + 1);
    });
  };
  const push = (...events: BoardEvent[]) => {
    buffer.push(...events);
    timer ??= setTimeout(flush, WINDOW_MS);
  };
  listeners.add(push);
  onCleanup(() => {
    listeners.delete(push);
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  });

  const ready = () => props.session.availability() === 'ready';

  // Notes: only the phase on screen; a newly shown phase's room says nothing until its first sync.
  createEffect(() => {
    const room = props.session.phase()?.room;
    if (!room) return;
    onCleanup(watchRemoteNotes(room, (changes) => push(...changes)));
  });

  // The phase moved by the facilitator: under a follower, or by "bring everyone here" (which moves
  // everyone). A tab this person picked speaks for itself.
  const phaseTitle = (phaseId: string) => props.session.session.phases.find((p) => p.id === phaseId)?.title ?? '';
  createEffect(
    on(
      () => (ready() ? props.session.viewPhase() : ''),
      (phaseId, before) => {
        if (!before || !phaseId || phaseId === before || props.session.canControl() || !props.session.following()) return;
        push({ kind: 'phase', title: phaseTitle(phaseId) });
      },
    ),
  );
  createEffect(
    on(
      () => props.session.brought(),
      (spot) => {
        if (spot && !props.session.following()) push({ kind: 'phase', title: phaseTitle(spot.phaseId) });
      },
      { defer: true },
    ),
  );

  // Voting opened or closed by the facilitator (who knows already).
  createEffect(
    on(
      () => (ready() ? (props.session.voting()?.open ?? false) : null),
      (open, before) => {
        if (open === null || before === null || before === undefined || open === before || props.session.canControl()) return;
        push({ kind: 'voting', open });
      },
    ),
  );

  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="a11y.live" data-count={count()}>
      {message()}
    </div>
  );
}
