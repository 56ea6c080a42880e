import { createComputed, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import { cullArea, inArea, sameArea, stillCovered, type CullArea } from '../../board-logic/visible-notes';
import type { Point, Size, Viewport } from '../../board-logic/viewport';

type Options = {
  viewport: Accessor<Viewport>;
  size: Accessor<Size | null>;
  count: Accessor<number>;
  /** The note this person drags: it stays what it was (a chip would lose the pointer as a card). */
  isDragged: (id: string) => boolean;
  /** Notes that must be cards whatever their place: keyboard focus, editing. */
  isPinned: (id: string) => boolean;
  /**
   * Runs a function once the frame being drawn is on screen; returns what cancels it. Given, a
   * board's first cards are the screen's alone, and those of the margin around it follow after
   * the first paint. Without it, the margin is there from the start.
   */
  afterPaint?: (fn: () => void) => () => void;
};

/** Per note, whether it is drawn as a full card, given where it is drawn (board coordinates). */
export type NoteLod = (id: string, at: Accessor<Point>) => Accessor<boolean>;

/**
 * Level of detail (board/visible-notes.ts) decided note by note, so that a change costs in
 * proportion to the notes it concerns: a pan step compares one viewport with the drawn area
 * (stillCovered), a drag step looks at the dragged note only, and only moving the drawn area
 * asks every note again (a comparison each).
 *
 * The notes that change between chip and card change in the same frame. Spread over frames (a
 * few per frame), each of those frames paid the browser's fixed cost of any change to the board
 * (laying out and layering thousands of notes), which cost more than the cards themselves.
 */
export function createNoteLod(o: Options): NoteLod {
  let anchor: { vp: Viewport; size: Size | null; count: number; wide: boolean } | null = null;
  // The drawn area stays where it was computed until the screen has travelled half its margin.
  // A signal set from a computation rather than a memo: every note reads it, and a memo would
  // mark all of them as possibly changed on each pan step, only to find the area the same.
  const [area, setArea] = createSignal<CullArea>('none', { equals: sameArea });
  // A board that opens with thousands of notes makes cards for the screen first: the margin
  // (0.75 screen each side) held four times as many, all off screen, and made the open wait for
  // them. They follow in the first task after the board is painted, before any pan can reach them.
  const [wide, setWide] = createSignal(!o.afterPaint);
  let cancelWiden: (() => void) | undefined;
  onCleanup(() => cancelWiden?.());
  const update = (vp: Viewport, size: Size | null, count: number, isWide: boolean): void => {
    const covered = () => (isWide ? stillCovered(anchor!.vp, vp, size!) : anchor!.vp === vp);
    const keep = anchor && size && anchor.size === size && anchor.count === count && anchor.wide === isWide && covered();
    if (!keep) anchor = { vp, size, count, wide: isWide };
    const next = cullArea(anchor!.vp, anchor!.size, anchor!.count, isWide ? undefined : 0);
    setArea(next);
    if (!isWide && typeof next === 'object' && !cancelWiden) cancelWiden = o.afterPaint?.(() => setWide(true));
  };
  createComputed(() => update(o.viewport(), o.size(), o.count(), wide()));
  return (id, at) => {
    // Notes arrive many at once (a sync step 2 brings a whole board): the area is brought up to
    // date before the first of them asks. The computation above would only run after, and a board
    // that had been small ('all' cards) made two thousand cards, then swapped most for chips.
    untrack(() => update(o.viewport(), o.size(), o.count(), wide()));
    const card = createMemo<boolean>((was) => (o.isDragged(id) ? !!was : o.isPinned(id) || inArea(at(), area())));
    return card;
  };
}
