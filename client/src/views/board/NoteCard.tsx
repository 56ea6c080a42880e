import { batch, createSignal, For, onCleanup, Show, type Accessor } from 'solid-js';
import { NOTE_COLORS } from '@wcb/shared';
import { t } from '../../i18n';
import type { Point } from '../../board-logic/viewport';
import { focusAfterDelete, readingOrder } from '../../board-logic/reading-order';
import type { Note } from '@wcb/shared';
import { focusNote, rememberDeleted } from './note-focus';
import { useBoard } from './context';
import { useNoteLabels } from './note-label';
import { createNoteDrag } from './create-note-drag';
import { NoteEditor } from './NoteEditor';
import { NoteText } from './NoteText';
import { authorName, personName } from './person-name';
import { loadPrefs } from '../../lib/prefs';
import { toggledAuthor } from '../../lib/seat';
import { browserStore } from '../../lib/storage';
import { useVotes } from './votes-view';
import './selection.css';
import { noteUnder, useStackOf, useStacks } from './stacks-view';
import './note.css';

// Arrow keys move a focused note by a small step; with Shift, by about a fifth of a note.
const NUDGE = 8;
const NUDGE_LARGE = 40;

/**
 * A sticky note: text rendered as text (never HTML), draggable, editable in place, with a small
 * toolbar for colour and delete. Keyboard: Enter edits, arrows move, Delete removes.
 */
export function NoteCard(props: { id: string; position: Accessor<Point> }) {
  const board = useBoard();
  const labels = useNoteLabels();
  // eslint-disable-next-line solid/reactivity -- a NoteCard is keyed by its note id.
  const id = props.id;
  const note = () => board.phase.notes[id];
  let el!: HTMLDivElement;

  // A long note's text cut off by the note's height, and opened to its whole text ("more").
  const [clipped, setClipped] = createSignal(false);
  const [expanded, setExpanded] = createSignal(false);
  // Selectors: starting or ending a drag or an edit re-runs this note's readers, not every note's.
  const dragging = () => board.isDragged(id);
  const editing = () => board.isEditing(id);
  const position = () => props.position();
  const editors = () => board.editors().get(id) ?? [];
  const votes = useVotes();
  const stacks = useStacks();
  const stackOf = useStackOf();
  const member = () => stackOf.isMember(id);
  // Only a stack's head reads the count: other notes are not told of every change of stacks.
  const stackCount = () => (stackOf.isHead(id) ? (stacks().count.get(id) ?? 1) : 1);
  // Dropping a note onto another note stacks it there (after the move itself is written).
  const onPointerUp = (e: PointerEvent) => {
    const onto = dragging() ? noteUnder(e.clientX, e.clientY, id) : null;
    // One update for the drop and the stacking: the board is laid out once, the note in its stack.
    batch(() => {
      drag.onPointerUp(e);
      if (onto) board.phase.actions.stack(id, onto);
    });
  };
  const tableName = () => {
    const table = note()?.table;
    return table ? (board.session.session.tables.find((x) => x.id === table)?.name ?? '') : '';
  };
  // Null while the highlight is off; otherwise whether this note is one of the new ones.
  const newSince = () => (board.session.newSince.shown() ? board.session.newSince.ids().has(id) : null);
  const myDots = () => votes()?.mine.get(id) ?? 0;
  const count = () => votes()?.counts.get(id) ?? 0;
  const proposed = () => {
    const n = note();
    return !!n && (votes()?.proposed.get(n.topic)?.includes(id) ?? false);
  };
  const selected = () => {
    const n = note();
    return !!n && board.session.facilitation.criteria.isSelected(board.phase.phaseId, n.topic, id);
  };
  const toggleAuthor = () => {
    const n = note();
    if (n) board.phase.actions.setAuthor(id, toggledAuthor(n.author, loadPrefs(browserStore()).name));
  };
  const vote = () => {
    const v = votes();
    if (v?.voter && v.canVote) board.session.votes()?.cast(v.voter, id, v.budget);
  };
  const unvote = () => {
    const v = votes();
    if (v?.voter && v.canVote) board.session.votes()?.remove(v.voter, id);
  };
  const drag = createNoteDrag(id, note, board);
  onCleanup(() => board.stopEditing(id));

  const stopEditing = (refocus: boolean) => {
    board.stopEditing(id);
    if (refocus) el.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = note();
    if (e.target !== el || !n || board.readOnly()) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      board.startEditing(id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      remove(true);
    } else if (e.key === 'Escape') {
      el.blur();
    } else if ((e.key === 'v' || e.key === 'V') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      if (e.shiftKey) unvote();
      else vote();
    } else if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      // From where the note is drawn: one spread apart from another moves on from there.
      const at = board.layout().shifted.get(id) ?? n;
      board.phase.actions.move(id, { x: Math.max(0, at.x + dx), y: Math.max(0, at.y + dy) });
    }
  };
  const remove = (byKeyboard: boolean) => {
    // By keyboard, focus goes on to the next note in reading order (or the board), never to
    // <body>, and an undo brings this note and the focus back. By pointer, to the board: the
    // next note's toolbar popping up under the mouse would only distract.
    const notes = Object.values(board.phase.notes).filter((x): x is Note => x !== undefined);
    const next = focusAfterDelete(
      readingOrder(
        board.session.session.topics.map((topic) => topic.id),
        notes,
      ),
      id,
    );
    const canvas = el.closest<HTMLElement>('[data-testid="board.canvas"]');
    rememberDeleted(id);
    board.phase.actions.remove(id);
    if (!byKeyboard || !next || !focusNote(next)) canvas?.focus({ preventScroll: true });
  };
  // The toolbar is one Tab stop (WAI-ARIA toolbar): arrow keys, Home and End move inside it, so
  // tabbing through the board is not eight stops per note.
  const onToolbarKey = (e: KeyboardEvent) => {
    const bar = e.currentTarget as HTMLElement;
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const keys: Record<string, number> = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = buttons[(to + buttons.length) % buttons.length]!;
    for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
    next.focus();
  };
  // The accessible name says what a sighted reader gets from the note and where it stands.
  // Shared with the light chip drawn when zoomed out (note-label.ts), so both read the same.
  const label = () => labels.of(id);

  return (
    <Show when={note()}>
      {(n) => (
        <div
          ref={el}
          class="note"
          classList={{
            'is-dragging': dragging(),
            'is-editing': editing(),
            'is-remote-editing': editors().length > 0,
            'is-stacked-member': member(),
            'is-stack-head': stackCount() > 1,
            'is-clipped': clipped() && !editing(),
            'is-expanded': expanded() && !editing(),
            // A table host's "new since last round": these stand out, the rest step back.
            'is-new-since': newSince() === true,
            'is-not-new-since': newSince() === false,
          }}
          data-testid="note"
          data-note-id={id}
          data-topic-id={n().topic}
          data-color={n().color}
          data-table-id={n().table}
          data-stack-head={member() ? (stacks().headOf.get(id) ?? id) : id}
          data-round={n().round}
          data-new={newSince() === true ? 'true' : undefined}
          data-press={drag.press()}
          tabIndex={0}
          role="group"
          aria-roledescription={t('note.roleDescription')}
          aria-label={label()}
          aria-description={t('note.help')}
          style={{
            transform: `translate(${position().x}px, ${position().y}px)`,
            '--note-bg': `var(--note-${n().color})`,
            '--editor': editors()[0] ? board.session.colorOf(editors()[0]!.user) : undefined,
          }}
          onPointerDown={drag.onPointerDown}
          onPointerMove={drag.onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={drag.onPointerCancel}
          onDblClick={(e) => {
            if (!(e.target instanceof Element && e.target.closest('button'))) board.startEditing(id);
          }}
          onKeyDown={onKeyDown}
        >
          <Show when={editors().length > 0}>
            <div class="note-editing-by" data-testid="note.editing-by">
              {t('note.editingBy', { name: editors().map((p) => personName(p.user)).join(', ') })}
            </div>
          </Show>
          <Show when={stackCount() > 1}>
            <span class="note-stack-count" data-testid="note.stack-count" title={t('note.stackTitle', { count: stackCount() })}>
              {t('note.stackCount', { count: stackCount() })}
            </span>
          </Show>
          <Show when={newSince()}>
            <span class="note-new-badge" data-testid="note.new-since">
              {t('note.newSince')}
            </span>
          </Show>
          <div class="note-meta">
            <button
              class="note-author"
              classList={{ 'is-anonymous': !n().author }}
              data-testid="note.author"
              data-author={n().author}
              disabled={board.readOnly()}
              title={t('note.authorToggle', { author: authorName(n().author) || t('note.anonymous') })}
              onClick={toggleAuthor}
            >
              {authorName(n().author) || t('note.anonymous')}
            </button>
            <Show when={tableName()}>
              <span class="note-table" data-testid="note.table">
                {tableName()}
              </span>
            </Show>
            <Show when={selected()}>
              <span class="note-selected" data-testid="note.selected" data-note-id={id} title={t('note.selectedTitle')}>
                ✓ {t('note.selected')}
              </span>
            </Show>
            {/* A confirmed criterion is no longer merely proposed. */}
            <Show when={proposed() && !selected()}>
              <span class="note-proposed" data-testid="note.proposed" title={t('note.proposedTitle')}>
                {t('note.proposed')}
              </span>
            </Show>
            <Show when={votes()}>
              {(v) => (
                <span class="note-votes-box">
                  <Show when={v().showCounts}>
                    <span class="note-votes" data-testid="note.votes" data-note-id={id} title={t('note.votes', { count: count() })}>
                      {count()}
                    </span>
                  </Show>
                  {/* A viewer never votes: no dot buttons, only the counts. */}
                  <Show when={v().open && board.session.role() !== 'viewer'}>
                    <span class="note-my-dots" data-testid="note.my-dots" data-count={myDots()} title={t('note.myDots', { count: myDots() })}>
                      <For each={Array.from({ length: myDots() })}>{() => <span class="note-dot" aria-hidden="true" />}</For>
                    </span>
                    <button
                      class="note-vote-btn"
                      data-testid="note.unvote"
                      data-note-id={id}
                      aria-label={t('note.unvote')}
                      title={t('note.unvote')}
                      disabled={!v().canVote || myDots() === 0}
                      onClick={unvote}
                    >
                      −
                    </button>
                    <button
                      class="note-vote-btn is-cast"
                      data-testid="note.vote"
                      data-note-id={id}
                      aria-label={t('note.vote')}
                      title={t('note.vote')}
                      disabled={!v().canVote || v().left <= 0}
                      onClick={vote}
                    >
                      +●
                    </button>
                  </Show>
                </span>
              )}
            </Show>
          </div>
          <Show
            when={editing()}
            fallback={<NoteText text={n().text} expanded={expanded()} onExpand={setExpanded} onClipped={setClipped} />}
          >
            <NoteEditor text={n().text} onInput={(text) => board.phase.actions.setText(id, text)} onDone={stopEditing} />
          </Show>
          <Show when={!board.readOnly()}>
            <div class="note-toolbar" role="toolbar" aria-label={t('note.edit')} onKeyDown={onToolbarKey}>
              <For each={NOTE_COLORS}>
                {(color) => (
                  <button
                    class="note-swatch"
                    data-testid="note.color"
                    data-color={color}
                    style={{ '--swatch': `var(--note-${color})` }}
                    aria-label={t('note.color', { color: t(`color.${color}`) })}
                    aria-pressed={n().color === color}
                    tabIndex={n().color === color ? 0 : -1}
                    title={t('note.color', { color: t(`color.${color}`) })}
                    onClick={() => {
                      board.phase.actions.recolor(id, color);
                      board.setNoteColor(color);
                    }}
                  />
                )}
              </For>
              <Show when={stackCount() > 1}>
                <button
                  class="note-ungroup"
                  data-testid="note.ungroup"
                  tabIndex={-1}
                  aria-label={t('note.ungroup')}
                  title={t('note.ungroup')}
                  onClick={() => board.phase.actions.ungroup(id)}
                >
                  <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M4 4h9v9H4zM11 11h9v9h-9z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
                  </svg>
                </button>
              </Show>
              <button class="note-delete" data-testid="note.delete" tabIndex={-1} aria-label={t('note.delete')} title={t('note.delete')} onClick={(e) => remove(e.detail === 0)}>
                <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
                  <path
                    d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  />
                </svg>
              </button>
            </div>
          </Show>
        </div>
      )}
    </Show>
  );
}
