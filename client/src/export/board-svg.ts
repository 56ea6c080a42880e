import { byOrder, readStacks, type Note, type NoteColor, type PhaseKind } from '@wcb/shared';
import { cellTopic, layoutBoard, layoutNotes, MIN_BODY_W, NOTE_H, NOTE_W, notePosition, type BoardLayout, type Cell, type NotePlacement } from '../board-logic/layout';
import { STEP_H, STEP_LINE_H } from '../board-logic/steps-layout';

/**
 * One phase board as a standalone SVG picture, drawn with the board's own layout (layout.ts) so
 * the picture shows the wall as people saw it: topic columns, the cross-cutting row, notes at
 * their places (steps as numbered lists), stacks with their count, votes when there are any.
 * Pure (no DOM): text is measured by character count, which is close enough for a sans font.
 */

export type BoardSvgInput = {
  phase: { title: string; kind: PhaseKind; /** 1-based position among the session's phases. */ number?: number; question?: string };
  topics: readonly { id: string; label: string }[];
  /** Every note of the phase (stacked members included: they are counted, not drawn). */
  notes: readonly Note[];
  /** Note id → dots (a voting tally); a stack shows the sum of its notes. */
  votes?: ReadonlyMap<string, number>;
  /** Notes confirmed as selected criteria. */
  selected?: ReadonlySet<string>;
  /** Heading of the cross-cutting row, in the session's language. */
  crossCuttingLabel: string;
};

export const SVG_FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';

// The board's palette (styles/base.css, canvas.css, note.css), as literal colours: a standalone
// picture has no stylesheet.
const NOTE_FILL: Record<NoteColor, string> = {
  yellow: '#fff1a6',
  pink: '#ffd3df',
  blue: '#cfe5ff',
  green: '#d3f0c8',
  orange: '#ffdcb8',
  purple: '#e6dbff',
};
const C = {
  bg: '#f6f4ef',
  cell: '#fcfbf9',
  line: '#ddd6c8',
  header: '#e6edf5',
  headerLine: '#c3d3e4',
  crossHeader: '#efe9dc',
  crossLine: '#d9cdb4',
  crossInk: '#6b5a2e',
  brand: '#1f4e79',
  ink: '#1d2733',
  muted: '#5a6572',
  ok: '#2e7d4f',
};

const MARGIN = 24;
const TITLE_SIZE = 26;
const TITLE_LINE = 32;
const QUESTION_SIZE = 15;
const QUESTION_LINE = 20;
const LABEL_SIZE = 20;
const LABEL_LINE = 23;
// Note text: a little smaller than on screen (17px, scrolling) so a picture shows more of it.
const NOTE_TEXT_SIZE = 16;
const NOTE_TEXT_LINE = 21;
const NOTE_TEXT_TOP = 30;
const NOTE_PAD_X = 14;
const STEP_TEXT_SIZE = 16;
// Average advance of a character as a share of the font size: DejaVu Sans is wide; bold
// capitals (topic labels are often upper case) wider still. Guessing wide only leaves space.
const CHAR_W = 0.6;
const BOLD_CAPS_W = 0.74;
// Stacked notes are drawn as two offset sheets behind the head; the count badge overhangs the corner.
const STACK_OFFSET = 8;
const BADGE_OVERHANG = 10;
// Steps: list padding, item padding, number disc and gaps (canvas.css .steps-*).
const LIST_PAD = 16;
const STEP_GAP = 8;
const STEP_TEXT_X = 46;
const VOTE_PILL_ROOM = 44;
const STEP_CHARS = Math.floor((MIN_BODY_W - 2 * LIST_PAD - STEP_TEXT_X - 10 - VOTE_PILL_ROOM) / (STEP_TEXT_SIZE * CHAR_W));

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/FFFF) are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made inert for XML text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const chars = (s: string): string[] => Array.from(s);
const num = (v: number): string => String(Math.round(v * 10) / 10);

/** Word wrap by character count; words longer than a line are cut; explicit line breaks kept. */
export function wrapText(text: string, maxChars: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = chars(word);
      while (w.length > width) {
        if (line.length) out.push(line.join(''));
        line = [];
        out.push(w.slice(0, width).join(''));
        w = w.slice(width);
      }
      if (!w.length) continue;
      if (!line.length) line = w;
      else if (line.length + 1 + w.length <= width) line.push(' ', ...w);
      else {
        out.push(line.join(''));
        line = w;
      }
    }
    out.push(line.join(''));
  }
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/** At most `max` lines; a cut ends in an ellipsis so the reader knows there is more. */
function fitLines(lines: readonly string[], max: number, maxChars: number): string[] {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, Math.max(1, max));
  const last = chars(kept[kept.length - 1]!);
  kept[kept.length - 1] = `${last.slice(0, Math.max(0, Math.floor(maxChars) - 1)).join('').trimEnd()}…`;
  return kept;
}

const charsFit = (width: number, size: number, factor = CHAR_W): number => Math.max(1, Math.floor(width / (size * factor)));

type TextOpts = { size: number; lineH: number; fill: string; weight?: 'bold'; clip?: string; anchor?: 'middle' | 'end'; italic?: boolean };

/** Lines as <text> with one <tspan> per line; `top` is the top of the first line box. */
function textBlock(x: number, top: number, lines: readonly string[], o: TextOpts): string {
  const baseline = top + (o.lineH - o.size) / 2 + o.size * 0.8;
  const attrs = [
    `x="${num(x)}"`,
    `y="${num(baseline)}"`,
    `font-size="${o.size}"`,
    `fill="${o.fill}"`,
    o.weight ? `font-weight="${o.weight}"` : '',
    o.italic ? 'font-style="italic"' : '',
    o.anchor ? `text-anchor="${o.anchor}"` : '',
    o.clip ? `clip-path="url(#${o.clip})"` : '',
  ].filter(Boolean);
  const spans = lines.map((line, i) => `<tspan x="${num(x)}" y="${num(baseline + i * o.lineH)}">${escapeXml(line)}</tspan>`).join('');
  return `<text ${attrs.join(' ')}>${spans}</text>`;
}

const rect = (x: number, y: number, w: number, h: number, rest: string): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${rest}/>`;

const pillWidth = (label: string): number => 14 + chars(label).length * 8;

/** A rounded pill with centred text (vote counts, stack counts). */
function pill(x: number, y: number, label: string, fill: string): string {
  const width = pillWidth(label);
  return `${rect(x, y, width, 20, `rx="10" fill="${fill}"`)}${textBlock(x + width / 2, y, [label], { size: 12, lineH: 20, fill: '#ffffff', weight: 'bold', anchor: 'middle' })}`;
}

type Draw = { defs: string[]; body: string[]; ox: number; oy: number; clipSeq: number };

const clipRect = (d: Draw, x: number, y: number, w: number, h: number): string => {
  const id = `clip${d.clipSeq++}`;
  d.defs.push(`<clipPath id="${id}">${rect(x, y, w, h, '')}</clipPath>`);
  return id;
};

function drawCell(d: Draw, cell: Cell, label: string, cross: boolean): void {
  const x = cell.x + d.ox;
  const y = cell.y + d.oy;
  const r = 14;
  d.body.push(rect(x, y, cell.width, cell.height, `rx="${r}" fill="${C.cell}" stroke="${C.line}"`));
  const hh = cell.bodyY - cell.y;
  // The header: rounded on top only, a rule underneath.
  d.body.push(
    `<path d="M${num(x)} ${num(y + hh)}V${num(y + r)}Q${num(x)} ${num(y)} ${num(x + r)} ${num(y)}H${num(x + cell.width - r)}Q${num(x + cell.width)} ${num(y)} ${num(x + cell.width)} ${num(y + r)}V${num(y + hh)}Z" fill="${cross ? C.crossHeader : C.header}"/>`,
    rect(x, y + hh - 2, cell.width, 2, `fill="${cross ? C.crossLine : C.headerLine}"`),
  );
  const textW = cell.width - 28;
  const maxChars = charsFit(textW, LABEL_SIZE, BOLD_CAPS_W);
  const lines = fitLines(wrapText(label, maxChars), 2, maxChars);
  const top = y + (hh - lines.length * LABEL_LINE) / 2;
  const clip = clipRect(d, x, y, cell.width, hh);
  d.body.push(textBlock(x + 18, top, lines, { size: LABEL_SIZE, lineH: LABEL_LINE, fill: cross ? C.crossInk : C.brand, weight: 'bold', clip }));
}

type Item = { note: Note; count: number; votes: number; selected: boolean };

function drawNote(d: Draw, at: { x: number; y: number }, item: Item): void {
  const { note } = item;
  const x = at.x + d.ox;
  const y = at.y + d.oy;
  const fill = NOTE_FILL[note.color] ?? NOTE_FILL.yellow;
  if (item.count > 1) {
    for (const off of [STACK_OFFSET, STACK_OFFSET / 2]) {
      d.body.push(rect(x + off, y + off, NOTE_W, NOTE_H, `rx="6" fill="${fill}" stroke="#000000" stroke-opacity="0.15"`));
    }
  }
  const stroke = item.selected ? `stroke="${C.ok}" stroke-width="3"` : 'stroke="#000000" stroke-opacity="0.12"';
  d.body.push(rect(x, y, NOTE_W, NOTE_H, `data-note-id="${escapeXml(note.id)}" rx="6" fill="${fill}" ${stroke}`));
  // The meta line: author (or the selected mark) on the left, the vote count on the right.
  let right = x + NOTE_W - 6;
  if (item.votes > 0) {
    right -= pillWidth(String(item.votes));
    d.body.push(pill(right, y + 5, String(item.votes), C.brand));
    right -= 4;
  }
  const meta = [item.selected ? '✓' : '', note.author].filter(Boolean).join(' ');
  if (meta) {
    const clip = clipRect(d, x, y, Math.max(0, right - x), NOTE_TEXT_TOP);
    d.body.push(textBlock(x + 10, y + 5, [meta], { size: 12, lineH: 20, fill: item.selected ? C.ok : C.muted, weight: 'bold', clip }));
  }
  const maxChars = charsFit(NOTE_W - 2 * NOTE_PAD_X, NOTE_TEXT_SIZE);
  const room = Math.floor((NOTE_H - NOTE_TEXT_TOP - 8) / NOTE_TEXT_LINE);
  const lines = fitLines(wrapText(note.text, maxChars), room, maxChars);
  const clip = clipRect(d, x, y, NOTE_W, NOTE_H);
  d.body.push(textBlock(x + NOTE_PAD_X, y + NOTE_TEXT_TOP, lines, { size: NOTE_TEXT_SIZE, lineH: NOTE_TEXT_LINE, fill: C.ink, clip }));
  if (item.count > 1) {
    // The board's badge (note.stackCount): a count, the same in every language.
    const label = `×${item.count}`;
    d.body.push(pill(x + NOTE_W + STACK_OFFSET - pillWidth(label), y - BADGE_OVERHANG, label, C.ink));
  }
}

const stepLines = (text: string): string[] => wrapText(text, STEP_CHARS);
const stepRow = (text: string): number => STEP_H + (Math.max(1, stepLines(text).length) - 1) * STEP_LINE_H;

function drawSteps(d: Draw, cell: Cell, steps: readonly Note[], votes: ReadonlyMap<string, number>): void {
  let y = cell.bodyY + d.oy + LIST_PAD;
  const x = cell.x + d.ox + LIST_PAD;
  const width = cell.width - 2 * LIST_PAD;
  steps.forEach((step, i) => {
    const h = stepRow(step.text) - STEP_GAP;
    const lines = stepLines(step.text);
    d.body.push(rect(x, y, width, h, `data-note-id="${escapeXml(step.id)}" rx="8" fill="${NOTE_FILL[step.color] ?? NOTE_FILL.yellow}" stroke="#000000" stroke-opacity="0.12"`));
    d.body.push(`<circle cx="${num(x + 21)}" cy="${num(y + h / 2)}" r="15" fill="${C.brand}"/>`);
    d.body.push(textBlock(x + 21, y + h / 2 - 10, [String(i + 1)], { size: 14, lineH: 20, fill: '#ffffff', weight: 'bold', anchor: 'middle' }));
    const clip = clipRect(d, x, y, width - VOTE_PILL_ROOM, h);
    d.body.push(textBlock(x + STEP_TEXT_X, y + (h - lines.length * STEP_LINE_H) / 2, lines, { size: STEP_TEXT_SIZE, lineH: STEP_LINE_H, fill: C.ink, clip }));
    const v = votes.get(step.id) ?? 0;
    if (v > 0) {
      const label = String(v);
      d.body.push(pill(x + width - 8 - pillWidth(label), y + h / 2 - 10, label, C.brand));
    }
    y += h + STEP_GAP;
  });
}

/** Where a steps phase's lists need room: stand-in placements as tall as each list (cf. stepPlacements). */
function stepsPlacements(known: ReadonlySet<string>, notes: readonly Note[]): NotePlacement[] {
  const heights = new Map<string, number>();
  for (const n of notes) heights.set(cellTopic(n.topic, known), (heights.get(cellTopic(n.topic, known)) ?? 0) + stepRow(n.text));
  return [...heights].map(([topic, height]) => ({ topic, x: 0, y: Math.max(0, height - NOTE_H) }));
}

/** The whole picture of one phase board as an SVG document. */
export function boardSvg(input: BoardSvgInput): string {
  const topicIds = input.topics.map((t) => t.id);
  const known = new Set(topicIds);
  const votes = input.votes ?? new Map<string, number>();
  const selected = input.selected ?? new Set<string>();
  const steps = input.phase.kind === 'steps';
  const notes = [...input.notes];

  // Stacks: only heads are drawn; they carry the count and the sum of the stack's votes.
  const items: { at: NotePlacement; item: Item }[] = [];
  if (!steps) {
    for (const stack of readStacks(notes)) {
      items.push({
        at: stack.head,
        item: {
          note: stack.head,
          count: stack.count,
          votes: stack.members.reduce((sum, m) => sum + (votes.get(m.id) ?? 0), 0),
          selected: selected.has(stack.head.id),
        },
      });
    }
    // The board's paint order: creation order, later notes on top.
    items.sort((a, b) => a.item.note.createdAt - b.item.note.createdAt || (a.item.note.id < b.item.note.id ? -1 : 1));
  }
  // Notes spread apart as on the board, so the picture hides none either.
  const layout: BoardLayout = steps ? layoutBoard(topicIds, stepsPlacements(known, notes)) : layoutNotes(topicIds, notes);

  // Everything drawn, in board units: the cells plus any note set outside them (negative or far
  // coordinates from a peer), with room for stack sheets and badges.
  let minX = 0;
  let minY = 0;
  let maxX = layout.bounds.width;
  let maxY = layout.bounds.height;
  const positions = items.map(({ at }) => notePosition(layout, at));
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y - BADGE_OVERHANG);
    maxX = Math.max(maxX, p.x + NOTE_W + STACK_OFFSET);
    maxY = Math.max(maxY, p.y + NOTE_H + STACK_OFFSET);
  }
  const boardW = maxX - minX;

  // The heading: "N. Title", the question underneath.
  const titleText = input.phase.number ? `${input.phase.number}. ${input.phase.title}` : input.phase.title;
  const titleChars = charsFit(boardW, TITLE_SIZE, BOLD_CAPS_W);
  const titleLines = fitLines(wrapText(titleText, titleChars), 3, titleChars);
  const questionChars = charsFit(boardW, QUESTION_SIZE);
  const questionLines = input.phase.question ? fitLines(wrapText(input.phase.question, questionChars), 4, questionChars) : [];
  const headH = titleLines.length * TITLE_LINE + (questionLines.length ? 6 + questionLines.length * QUESTION_LINE : 0) + 16;

  const d: Draw = { defs: [], body: [], ox: MARGIN - minX, oy: MARGIN + headH - minY, clipSeq: 0 };
  d.body.push(textBlock(MARGIN, MARGIN, titleLines, { size: TITLE_SIZE, lineH: TITLE_LINE, fill: C.ink, weight: 'bold' }));
  if (questionLines.length) {
    d.body.push(textBlock(MARGIN, MARGIN + titleLines.length * TITLE_LINE + 6, questionLines, { size: QUESTION_SIZE, lineH: QUESTION_LINE, fill: C.muted, italic: true }));
  }

  const labelOf = new Map(input.topics.map((t) => [t.id, t.label]));
  for (const cell of layout.columns) drawCell(d, cell, labelOf.get(cell.topic) ?? '', false);
  drawCell(d, layout.cross, input.crossCuttingLabel, true);

  if (steps) {
    const byCell = new Map<string, Note[]>();
    for (const n of notes.sort(byOrder)) {
      const key = cellTopic(n.topic, known);
      byCell.set(key, [...(byCell.get(key) ?? []), n]);
    }
    for (const cell of layout.cells.values()) drawSteps(d, cell, byCell.get(cell.topic) ?? [], votes);
  } else {
    items.forEach(({ item }, i) => drawNote(d, positions[i]!, item));
  }

  const width = Math.ceil(boardW + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + headH + 2 * MARGIN);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${escapeXml(titleText)}</title>`,
    `<defs>${d.defs.join('')}</defs>`,
    rect(0, 0, width, height, `fill="${C.bg}"`),
    ...d.body,
    '</svg>',
    '',
  ].join('\n');
}
