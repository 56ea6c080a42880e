import { batch, createEffect, createMemo, createSelector, createSignal, For, on, onCleanup, onMount, Show, untrack, type Accessor } from 'solid-js';
import { CROSS_CUTTING, type Note, type NoteColor, type Presence } from '@wcb/shared';
import { t } from '../../i18n';
import { cellTopic, cellUnder, freePosition, freeSlot, layoutBoard, noteAtPointer } from '../../board-logic/layout';
import { fit, FIT_MIN_ZOOM, readableFit, toBoard, type Point, type Size, type Viewport } from '../../board-logic/viewport';
import { loadPrefs, savePrefs } from '../../lib/prefs';
import { browserStore } from '../../lib/storage';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Session } from '../../sync/session';
import { BoardContext, type BoardContextValue, type Drag } from './context';
import { createPanZoom } from './create-pan-zoom';
import { CellView } from './CellView';
import { Cursors } from './Cursors';
import { NoteView } from './NoteView';
import { createChipMaker } from './note-chip';
import { createNoteLod } from './note-lod';
import { createBoardLayout } from './board-layout';
import { createWorldLayers } from './world-layers';
import { createNoteLabels, NoteLabelsContext } from './note-label';
import { noteElement, noteOf } from './note-focus';
import { ZoomControls } from './ZoomControls';
import { ProjectorPages } from './ProjectorPages';
import { authorFor } from '../../lib/seat';
import { createVotesView, VotesContext } from './votes-view';
import { createStackOf, createStacksView, StackOfContext, StacksContext } from './stacks-view';
import { SuggestionsPanel } from './SuggestionsPanel';
import { BoardKeys } from './BoardKeys';
import { createTypeAhead } from './type-ahead';
import './selection.css';
import './canvas.css';

// Screen pixels kept free around the board when fitting it, so the edges never touch the chrome.
const FIT_PADDING = 32;
// Fitting a sparse board may enlarge it a little, but not to poster size.
const FIT_MAX_ZOOM = 1.25;
// The height of the strip along the canvas's bottom edge where the zoom and hints tools float.
const TOOLS_STRIP = 64;
// On a phone the whole board would be unreadably small: the first view shows the first column.
const NARROW_SCREEN_PX = 640;

/** Runs `fn` in the first task after the next frame is painted (rAF runs before the paint). */
const afterPaint = (fn: () => void): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

const sameStrings = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameEditors = (a: ReadonlyMap<string, readonly Presence[]>, b: ReadonlyMap<string, readonly Presence[]>) =>
  a.size === b.size && [...a].every(([id, ps]) => {
    const other = b.get(id);
    return !!other && other.length === ps.length && ps.every((p, i) => p.user.name === other[i]!.user.name && p.user.color === other[i]!.user.color);
  });

type Props = {
  session: Session;
  phase: PhaseRoom;
  viewport: Accessor<Viewport>;
  /** A person's pan, zoom and keys (ignored while the projector frames the board). */
  setViewport: (vp: Viewport) => void;
  /** The projector's own framing of the phase, past the person's input. */
  frameViewport: (vp: Viewport) => void;
  /** The projector view is on: the phase frames itself and pages (projector-frame.ts). */
  projector: Accessor<boolean>;
  /** True the first time it is called for this board: fit the board on first show only. */
  fitOnce: () => boolean;
  /** Told each measured size of the canvas (follow mode centres spotlights on it). */
  onSize?: (size: Size) => void;
};

/** One phase's board: the pannable canvas with its cells, notes and other people's cursors. */
export function PhaseCanvas(props: Props) {
  // eslint-disable-next-line solid/reactivity -- BoardPage remounts this component per phase room.
  const { session, phase } = props;
  const store = browserStore();
  const me = loadPrefs(store);
  const [noteColor, setNoteColorSignal] = createSignal<NoteColor>(me.noteColor);
  const [drag, setDrag] = createSignal<Drag | null>(null);
  const [dragPos, setDragPos] = createSignal<Point | null>(null);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [size, setSize] = createSignal<Size | null>(null);
  const [focusPin, setFocusPin] = createSignal<string | null>(null);
  const [gesture, setGesture] = createSignal(false);
  const isDragged = createSelector(() => drag()?.id ?? null);
  const isEditing = createSelector(editing);
  const isFocusPinned = createSelector(focusPin);
  let canvas!: HTMLDivElement;
  const typeAhead = createTypeAhead();
  let endEditGroup: (() => void) | null = null;

  const topicIds = createMemo(() => session.session.topics.map((topic) => topic.id), [], { equals: sameStrings });
  // One array per set of notes: a note's fields changing leaves it alone (its store proxy is the
  // same), so each reader below tracks only the fields it reads.
  const notes = createMemo(() => Object.values(phase.notes).filter((n): n is Note => n !== undefined), [], { equals: (a, b) => a.length === b.length && a.every((n, i) => n === b[i]) });
  const steps = () => session.session.phases.find((p) => p.id === phase.phaseId)?.kind === 'steps';
  const layout = createBoardLayout({ phase, topicIds, steps, notes, drag });
  const votes = createVotesView(session, () => notes());
  const stacks = createStacksView(() => notes());
  // Creation order keeps DOM order stable while notes move, so a dragged element is never re-inserted.
  const noteIds = createMemo(
    () => [...notes()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map((n) => n.id),
    [],
    { equals: sameStrings },
  );
  // Peers' presence changes with every cursor move of theirs: only a change of who edits what
  // reaches the notes (every card reads this).
  const editors = createMemo(
    () => {
      const out = new Map<string, Presence[]>();
      for (const p of Object.values(phase.peers)) {
        if (p.editing && p.phase === phase.phaseId) out.set(p.editing, [...(out.get(p.editing) ?? []), p]);
      }
      return out;
    },
    new Map<string, Presence[]>(),
    { equals: sameEditors },
  );

  // Where the canvas is on the page, read once per gesture rather than per pointer move: reading
  // it after the DOM changed (every drag step) forced a style and layout pass of the whole board.
  // Forgotten when a press starts, the pointer comes in, or the canvas is resized.
  let canvasAt: Point | null = null;
  const forgetCanvasAt = () => (canvasAt = null);
  const clientToBoard = (clientX: number, clientY: number): Point => {
    if (!canvasAt) {
      const r = canvas.getBoundingClientRect();
      canvasAt = { x: r.left, y: r.top };
    }
    return toBoard(props.viewport(), { x: clientX - canvasAt.x, y: clientY - canvasAt.y });
  };
  // A memo: every note reads it, and the room state it derives from changes on each local write.
  const readOnly = createMemo(() => session.readOnly());

  const ctx: BoardContextValue = {
    session,
    phase,
    layout,
    viewport: () => props.viewport(),
    clientToBoard,
    drag,
    isDragged,
    dragPos,
    beginDrag: (d) => setDrag(d),
    moveDrag: (p) => setDragPos(p),
    endDrag: () =>
      batch(() => {
        setDrag(null);
        setDragPos(null);
      }),
    editing,
    isEditing,
    startEditing(id) {
      if (readOnly()) return;
      // One editing session is one undo step, however long the pauses while typing (the
      // textarea's own undo covers the keystrokes). A new note's creation joins its first edit.
      endEditGroup ??= phase.undo.group();
      setEditing(id);
      session.setEditing(id);
    },
    stopEditing(id) {
      if (editing() !== id) return;
      endEditGroup?.();
      endEditGroup = null;
      setEditing(null);
      session.setEditing(null);
    },
    editors,
    readOnly,
    addNote(topic, at) {
      // Within the gesture, before any work: keys typed from here on reach the new note.
      typeAhead.arm();
      const cell = layout().cells.get(topic) ?? layout().cross;
      const known = new Set(topicIds());
      // Where notes are drawn, not where they are stored: a new note never lands on one in view,
      // and a double-click or double-tap over a note puts the new one beside it.
      const taken = notes()
        .filter((n) => cellTopic(n.topic, known) === cell.topic && (stacks().headOf.get(n.id) ?? n.id) === n.id)
        .map((n) => layout().shifted.get(n.id) ?? n);
      const pos = at ? freePosition(taken, at, cell.width) : freeSlot(taken, cell.width);
      const current = editing();
      if (current) ctx.stopEditing(current);
      endEditGroup = phase.undo.group();
      // Provenance: who wrote it (or nobody, at a shared laptop), at which table, in which round.
      const seat = session.seat();
      const stamp = { color: noteColor(), author: authorFor(me.name, seat.anonymous), table: seat.table, round: session.round() };
      const id = steps() ? phase.actions.addStep(cell.topic, stamp) : phase.actions.add({ topic: cell.topic, x: pos.x, y: pos.y, ...stamp });
      if (id) ctx.startEditing(id);
      else {
        endEditGroup();
        endEditGroup = null;
      }
    },
    typeAhead,
    noteColor,
    setNoteColor(color) {
      setNoteColorSignal(color);
      savePrefs(store, { noteColor: color });
    },
  };

  const stackOf = createStackOf(stacks);
  const labels = createNoteLabels(ctx, votes, stacks, stackOf);
  const chip = createChipMaker(ctx, stackOf, labels);

  // The viewport the last fit produced, and how: while the board still shows it, a canvas that
  // changes size (the facilitator's drawer docking beside it, a window resized) is fitted again.
  let fitted: { vp: Viewport; first: boolean } | null = null;
  const fitBoard = (first = false) => {
    const s = size();
    if (!s) return;
    // The first view fits the columns as they stand empty: their headers across the screen, notes
    // readable. It never depends on whether the notes were already loaded when the canvas was
    // first measured, and a board of thousands does not open as a mosaic of unreadable chips.
    const l = first ? layoutBoard(topicIds(), []) : layout();
    const column = first && s.width < NARROW_SCREEN_PX ? l.columns[0] : undefined;
    // The strip along the bottom edge is the zoom and hints tools': a fitted board stays above it.
    const view = { width: s.width, height: Math.max(1, s.height - TOOLS_STRIP) };
    const vp = column ? fit(column, s, FIT_PADDING / 2, FIT_MAX_ZOOM) : readableFit(l.bounds, view, FIT_PADDING, FIT_MAX_ZOOM, FIT_MIN_ZOOM);
    props.setViewport(vp);
    fitted = { vp, first };
  };
  createEffect(() => {
    if (size() && !props.projector() && props.fitOnce()) fitBoard(true);
  });
  createEffect(
    on(size, (s, before) => {
      if (s && before && fitted && untrack(props.viewport) === fitted.vp) fitBoard(fitted.first);
    }),
  );

  onMount(() => {
    createPanZoom(canvas, props.viewport, props.setViewport, setGesture);
    const observer = new ResizeObserver(([entry]) => {
      forgetCanvasAt();
      if (!entry) return;
      const measured = { width: entry.contentRect.width, height: entry.contentRect.height };
      setSize(measured);
      props.onSize?.(measured);
    });
    observer.observe(canvas);
    canvas.addEventListener('pointerdown', forgetCanvasAt, { capture: true });
    canvas.addEventListener('pointerenter', forgetCanvasAt);
    window.addEventListener('resize', forgetCanvasAt);
    onCleanup(() => {
      observer.disconnect();
      canvas.removeEventListener('pointerdown', forgetCanvasAt, { capture: true });
      canvas.removeEventListener('pointerenter', forgetCanvasAt);
      window.removeEventListener('resize', forgetCanvasAt);
    });
  });

  // On the canvas rather than on each cell: panning captures the pointer, so the click events of a
  // double-click are delivered to the canvas element.
  const emptyCellAt = (e: MouseEvent) => {
    if (readOnly() || (e.target instanceof Element && e.target.closest('button, [data-testid="note"], [data-testid="steps.list"]'))) return null;
    const p = clientToBoard(e.clientX, e.clientY);
    const cell = cellUnder(layout(), p);
    return cell && p.y >= cell.bodyY ? { cell, p } : null;
  };
  const onDblClick = (e: MouseEvent) => {
    const hit = emptyCellAt(e);
    if (hit) ctx.addNote(hit.cell.topic, steps() ? undefined : noteAtPointer(hit.cell, hit.p));
  };
  // The second press of a double-click (or double-tap) on an empty cell: keys typed from now on
  // go to the note it is about to make, not to the canvas.
  const onMouseDown = (e: MouseEvent) => {
    if (e.detail < 2 || !emptyCellAt(e)) return;
    e.preventDefault();
    typeAhead.arm(true);
  };

  const publishCursor = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') session.setCursor(clientToBoard(e.clientX, e.clientY));
  };
  onCleanup(() => session.setCursor(null));

  // Level of detail (note-lod.ts): cards where text is readable and on screen, chips elsewhere.
  // A note with keyboard focus or being edited is a card; one being dragged stays what it was.
  const lod = createNoteLod({
    viewport: () => props.viewport(),
    size,
    count: () => notes().length,
    isDragged,
    isPinned: (id) => isFocusPinned(id) || isEditing(id),
    afterPaint,
  });
  // Keyboard focus on a chip (Tab, or a shortcut moving focus) brings up the card, whose keys
  // edit, move, vote and delete. A mouse press does not: it may be the start of a drag.
  const onFocusIn = (e: FocusEvent) => {
    const el = noteOf(e.target);
    if (!el?.classList.contains('note-chip') || !el.matches(':focus-visible')) return;
    const id = el.dataset.noteId ?? '';
    // After the focus() call that led here has returned: its caller may check where focus went.
    queueMicrotask(() => {
      if (document.activeElement !== el) return;
      setFocusPin(id);
      noteElement(id)?.focus({ preventScroll: true });
    });
  };
  const onFocusOut = (e: FocusEvent) => {
    const el = noteOf(e.target);
    if (!el || el.classList.contains('note-chip') || noteOf(e.relatedTarget) === el) return;
    if (el.dataset.noteId === untrack(focusPin)) setFocusPin(null);
  };

  const layers = createWorldLayers(() => props.viewport(), gesture, size, () => layout().bounds);

  return (
    <BoardContext.Provider value={ctx}>
      <VotesContext.Provider value={votes}>
        <StacksContext.Provider value={stacks}>
        <StackOfContext.Provider value={stackOf}>
        <NoteLabelsContext.Provider value={labels}>
      <div class="stage">
        <div
          ref={canvas}
          class="canvas"
          classList={{ 'is-dragging-note': drag() !== null }}
          data-testid="board.canvas"
          tabIndex={-1}
          role="region"
          aria-label={t('board.canvas')}
          onPointerMove={publishCursor}
          onPointerLeave={() => session.setCursor(null)}
          onDblClick={onDblClick}
          onMouseDown={onMouseDown}
          onFocusIn={onFocusIn}
          onFocusOut={onFocusOut}
        >
          <div class="pan" data-testid="board.pan" style={layers.pan()}>
          <div class="canvas-grid" style={layers.grid()} aria-hidden="true" />
          <div class="world" lang={session.session.meta.language} data-testid="board.world" data-zoom={Math.round(layers.zoom() * 1000) / 1000} style={layers.world()}>
            <For each={topicIds()}>{(topic) => <CellView topic={topic} />}</For>
            <CellView topic={CROSS_CUTTING} />
            <Show when={!steps()}>
              <For each={noteIds()}>{(id) => <NoteView id={id} lod={lod} chip={chip} />}</For>
            </Show>
          </div>
          </div>
          {/* Over the board while a pointer pans it or drags a note: hit tests (the browser's, for
              hover, after each step) find this at once instead of searching thousands of notes. */}
          <div class="pan-shield" aria-hidden="true" />
        </div>
        <textarea ref={typeAhead.ref} class="type-ahead" data-testid="board.type-ahead" aria-hidden="true" tabIndex={-1} />
        <Cursors />
        {/* One strip of tools along the bottom edge, kept clear by the fit (TOOLS_STRIP). */}
        <div class="stage-tools">
          <SuggestionsPanel />
          <ZoomControls size={size} onFit={() => fitBoard()} setViewport={props.setViewport} />
        </div>
        <Show when={props.projector()}>
          <ProjectorPages size={size} setViewport={props.frameViewport} />
        </Show>
        <BoardKeys setViewport={props.setViewport} />
      </div>
        </NoteLabelsContext.Provider>
        </StackOfContext.Provider>
        </StacksContext.Provider>
      </VotesContext.Provider>
    </BoardContext.Provider>
  );
}
