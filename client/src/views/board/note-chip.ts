import { batch, createRenderEffect, getOwner, onCleanup, runWithOwner, type Accessor, type Owner } from 'solid-js';
import { addEventListener, delegateEvents } from 'solid-js/web';
import type { Point } from '../../board-logic/viewport';
import type { BoardContextValue } from './context';
import { createNoteDrag } from './create-note-drag';
import type { NoteLabels } from './note-label';
import { noteUnder, type StackOf } from './stacks-view';

/** Makes the chip of note `id` where `position` says, owned by the caller's reactive scope. */
export type ChipMaker = (id: string, position: Accessor<Point>) => HTMLElement;

type Chip = { owner: Owner | null; drag?: ReturnType<typeof createNoteDrag> };
type Placement = { left: number; top: number; dx: number; dy: number };

const CHIP_EVENTS = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'dblclick'];

/**
 * A note drawn light: one coloured element where its card would be, for zoom levels where the
 * text is unreadable and for notes far off screen on a large board (board/visible-notes.ts). It
 * keeps what the card offers without its dozen elements: the same test id, name and role, focus
 * (keyboard focus turns it into the full card, see PhaseCanvas), dragging, stacking on drop, and
 * double-click to edit.
 *
 * A board opens with thousands of them at once, so a chip is not a component: an element cloned
 * from one template, with one render effect for what changes. Its pointer handlers are shared by
 * every chip and reach it through Solid's delegated events with the note id as data (no closure,
 * no listener per chip); the drag is set up on the first press, as most chips are never touched.
 */
export function createChipMaker(board: BoardContextValue, stackOf: StackOf, labels: NoteLabels): ChipMaker {
  const chips = new Map<string, Chip>();
  const template = document.createElement('div');
  template.className = 'note-chip';
  template.dataset.testid = 'note';
  template.dataset.lod = 'chip';
  template.tabIndex = 0;
  template.setAttribute('role', 'group');
  // What every chip says alike is set once here and cloned: the chips' effects find it in place.
  createRenderEffect(() => {
    template.setAttribute('aria-roledescription', labels.roleDescription());
    template.setAttribute('aria-description', labels.help());
  });

  const dragOf = (id: string): ReturnType<typeof createNoteDrag> | undefined => {
    const chip = chips.get(id);
    if (!chip) return undefined;
    return (chip.drag ??= runWithOwner(chip.owner, () => createNoteDrag(id, () => board.phase.notes[id], board))!);
  };
  const onPointerDown = (id: string, e: PointerEvent & { currentTarget: HTMLElement }) => dragOf(id)?.onPointerDown(e);
  const onPointerMove = (id: string, e: PointerEvent) => chips.get(id)?.drag?.onPointerMove(e);
  const onPointerCancel = (id: string, e: PointerEvent) => chips.get(id)?.drag?.onPointerCancel(e);
  const onPointerUp = (id: string, e: PointerEvent) => {
    const drag = chips.get(id)?.drag;
    if (!drag) return;
    const onto = board.isDragged(id) ? noteUnder(e.clientX, e.clientY, id) : null;
    // One update for the drop and the stacking: the board is laid out once, the note in its stack.
    batch(() => {
      drag.onPointerUp(e);
      if (onto) board.phase.actions.stack(id, onto);
    });
  };
  const onDblClick = (id: string) => board.startEditing(id);
  const handlers = [onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onDblClick] as const;
  delegateEvents(CHIP_EVENTS);

  return (id, position) => {
    const el = template.cloneNode() as HTMLDivElement;
    el.dataset.noteId = id;
    // Solid's [handler, data] form of a delegated event (typed for plain listeners only).
    CHIP_EVENTS.forEach((name, i) => addEventListener(el, name, [handlers[i], id] as unknown as EventListener, true));
    chips.set(id, { owner: getOwner() });
    onCleanup(() => chips.delete(id));
    drawChip(el, id, position, board, stackOf, labels);
    return el;
  };
}

/**
 * One render effect per chip sets what changed since it last ran. Placed by margins in the
 * world's grid (canvas.css), not by a transform or left/top: either makes each chip a node or a
 * paint layer of its own, and the browser re-layers all of them on every frame that moves anything
 * (a pan step, a drag step). The chip being dragged keeps its place from the start of the drag and
 * follows the pointer by a transform, on a layer of its own.
 */
function drawChip(el: HTMLElement, id: string, position: Accessor<Point>, board: BoardContextValue, stackOf: StackOf, labels: NoteLabels): void {
  let placed: Placement | undefined;
  const was: Record<string, string | boolean | undefined> = {
    'aria-roledescription': el.getAttribute('aria-roledescription') ?? undefined,
    'aria-description': el.getAttribute('aria-description') ?? undefined,
    'is-dragging': false,
    'is-stacked-member': false,
  };
  // The first run writes the style in one string: one parse instead of one per property.
  let firstStyle: string[] | null = [];
  const attr = (name: string, value: string | undefined) => {
    if (was[name] === value) return;
    was[name] = value;
    if (value === undefined) el.removeAttribute(name);
    else el.setAttribute(name, value);
  };
  const style = (name: string, value: string | undefined) => {
    if (was[name] === value) return;
    was[name] = value;
    if (firstStyle) {
      if (value !== undefined) firstStyle.push(`${name}:${value}`);
    } else if (value === undefined) el.style.removeProperty(name);
    else el.style.setProperty(name, value);
  };
  const toggle = (name: string, on: boolean) => {
    if (was[name] === on) return;
    was[name] = on;
    el.classList.toggle(name, on);
  };
  createRenderEffect(() => {
    // Until the list drops a deleted note's chip, its fields read as empty.
    const note = board.phase.notes[id];
    const dragging = board.isDragged(id);
    const p = position();
    placed = dragging && placed ? { ...placed, dx: p.x - placed.left, dy: p.y - placed.top } : { left: p.x, top: p.y, dx: 0, dy: 0 };
    toggle('is-dragging', dragging);
    toggle('is-stacked-member', stackOf.isMember(id));
    attr('data-topic-id', note?.topic);
    attr('data-color', note?.color);
    attr('aria-roledescription', labels.roleDescription());
    attr('aria-label', labels.of(id));
    attr('aria-description', labels.help());
    style('margin-left', `${placed.left}px`);
    style('margin-top', `${placed.top}px`);
    style('transform', dragging ? `translate(${placed.dx}px, ${placed.dy}px)` : undefined);
    style('--note-bg', `var(--note-${note?.color ?? 'yellow'})`);
    if (firstStyle) el.style.cssText = firstStyle.join(';');
    firstStyle = null;
  });
}
