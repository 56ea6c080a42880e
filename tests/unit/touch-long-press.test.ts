import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { createLongPress, LONG_PRESS_MS, LONG_PRESS_SLOP_PX, type LongPress } from '../../client/src/views/board/create-long-press';

/**
 * The long press only needs a document to listen on. Not Node's EventTarget: it does not remove a
 * listener added with capture, which browsers do.
 */
class FakeDocument {
  private listeners = new Map<string, Set<(e: Event) => void>>();
  addEventListener(type: string, fn: (e: Event) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(fn);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, fn: (e: Event) => void): void {
    this.listeners.get(type)?.delete(fn);
  }
  dispatchEvent(e: Event): void {
    for (const fn of this.listeners.get(e.type) ?? []) fn(e);
  }
}
let doc = new FakeDocument();
const pointer = (pointerId: number, clientX = 100, clientY = 100) => ({ pointerId, clientX, clientY }) as PointerEvent;
const down = (pointerId: number) => Object.assign(new Event('pointerdown'), { pointerId });
const contextMenu = () => {
  const e = new Event('contextmenu', { cancelable: true });
  doc.dispatchEvent(e);
  return e.defaultPrevented;
};

let dispose: () => void = () => undefined;
const press = (): LongPress =>
  createRoot((d) => {
    dispose = d;
    return createLongPress();
  });

beforeEach(() => {
  vi.useFakeTimers();
  doc = new FakeDocument();
  vi.stubGlobal('document', doc);
});
afterEach(() => {
  dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a long press on a note (touch)', () => {
  it('a finger resting for the wait lifts the note once, wobbling within the slop', () => {
    const lp = press();
    const fire = vi.fn();
    lp.start(pointer(1), fire);
    expect(lp.pending()).toBe(true);
    lp.move(pointer(1, 100 + LONG_PRESS_SLOP_PX / 2, 100 - LONG_PRESS_SLOP_PX / 2));
    vi.advanceTimersByTime(LONG_PRESS_MS - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(lp.pending()).toBe(false);
    vi.advanceTimersByTime(LONG_PRESS_MS * 3);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('a finger that slides past the slop is a swipe and never lifts the note', () => {
    const lp = press();
    const fire = vi.fn();
    lp.start(pointer(1), fire);
    lp.move(pointer(1, 100 + LONG_PRESS_SLOP_PX + 1, 100));
    expect(lp.pending()).toBe(false);
    // Coming back within the slop does not revive it.
    lp.move(pointer(1, 100, 100));
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(fire).not.toHaveBeenCalled();
  });

  it('another pointer moving does not count against this finger', () => {
    const lp = press();
    const fire = vi.fn();
    lp.start(pointer(1), fire);
    lp.move(pointer(2, 500, 500));
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('a second finger landing while it waits gives the press up (the board pinches)', () => {
    const lp = press();
    const fire = vi.fn();
    lp.start(pointer(1), fire);
    doc.dispatchEvent(down(2));
    expect(lp.pending()).toBe(false);
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(fire).not.toHaveBeenCalled();
  });

  it('lifting the finger before the wait is a tap: nothing lifts', () => {
    const lp = press();
    const fire = vi.fn();
    lp.start(pointer(1), fire);
    lp.end();
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(fire).not.toHaveBeenCalled();
    expect(lp.pending()).toBe(false);
  });

  it("keeps the browser's long-press menu away from start to end, and only then", () => {
    const lp = press();
    expect(contextMenu()).toBe(false);
    lp.start(pointer(1), () => undefined);
    vi.advanceTimersByTime(LONG_PRESS_MS);
    // Fired and now dragging: the menu would still open under the finger.
    expect(contextMenu()).toBe(true);
    lp.end();
    expect(contextMenu()).toBe(false);
  });

  it('a board that goes away mid-press never lifts a note afterwards', () => {
    const lp = press();
    const fire = vi.fn();
    lp.start(pointer(1), fire);
    dispose();
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(fire).not.toHaveBeenCalled();
  });
});
