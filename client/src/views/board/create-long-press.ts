import { createSignal, onCleanup } from 'solid-js';

// Android's own long press waits 400–500 ms, so touch users already know this pause; it is also
// well past a tap (~150 ms), so a quick tap never lifts a note by accident.
export const LONG_PRESS_MS = 450;
// A resting fingertip wobbles a few pixels; past this it is a swipe (Android's touch slop is 8 dp).
export const LONG_PRESS_SLOP_PX = 10;

export type LongPress = {
  /** Starts waiting on this press; `onFire` runs once if the finger rests long enough. */
  start(e: PointerEvent, onFire: () => void): void;
  /** Follows the finger; a move past the slop gives the press up (the board pans instead). */
  move(e: PointerEvent): void;
  /** True between start and either firing or giving up (reactive: the note shows it). */
  pending(): boolean;
  /** Ends the press, fired or not (finger lifted, gesture done). */
  end(): void;
};

/**
 * The wait before a touch lifts a note. While it waits, a second finger anywhere turns the gesture
 * into a pinch (the board's), so the press gives up. From start to end, the browser's own
 * long-press menu is suppressed: it would open under the finger that is dragging the note.
 */
export function createLongPress(): LongPress {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active: { pointerId: number; x: number; y: number } | null = null;
  const [pending, setPending] = createSignal(false);

  const giveUp = () => {
    clearTimeout(timer);
    timer = undefined;
    setPending(false);
  };
  const onOtherDown = (e: PointerEvent) => {
    if (active && e.pointerId !== active.pointerId) giveUp();
  };
  const onContextMenu = (e: Event) => e.preventDefault();

  const end = () => {
    giveUp();
    if (!active) return;
    active = null;
    document.removeEventListener('pointerdown', onOtherDown, true);
    document.removeEventListener('contextmenu', onContextMenu, true);
  };

  onCleanup(end);
  return {
    start(e, onFire) {
      end();
      active = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      document.addEventListener('pointerdown', onOtherDown, true);
      document.addEventListener('contextmenu', onContextMenu, true);
      setPending(true);
      timer = setTimeout(() => {
        timer = undefined;
        setPending(false);
        onFire();
      }, LONG_PRESS_MS);
    },
    move(e) {
      if (!active || timer === undefined || e.pointerId !== active.pointerId) return;
      if (Math.hypot(e.clientX - active.x, e.clientY - active.y) > LONG_PRESS_SLOP_PX) giveUp();
    },
    pending,
    end,
  };
}
