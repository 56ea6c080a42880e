import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING, type Note } from '@wcb/shared';
import { boardSvg, escapeXml, wrapText, type BoardSvgInput } from '../../client/src/export/board-svg';

const HOSTILE = '<script>alert(1)</script> & "x"';
const topics = [
  { id: 'government', label: 'GOVERNMENT' },
  { id: 'community', label: 'THE COMMUNITY' },
];

let clock = 0;
const note = (id: string, topic: string, x: number, y: number, text: string, extra: Partial<Note> = {}): Note => {
  clock++;
  return { id, text, phase: 'p1', topic, x, y, color: 'yellow', table: '', author: '', round: 0, createdAt: clock, order: clock, stack: '', ...extra };
};

/**
 * A small well-formedness check (the unit tests run in Node, without DOMParser): tags nest and
 * close, attribute values are quoted, and no text or value holds a bare '<' or a stray '&'.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  const bareAmp = /&(?!(?:amp|lt|gt|quot|#39|#\d+);)/;
  let at = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    expect(m.index, 'no gap between tokens').toBe(at);
    at = token.lastIndex;
    if (m[6]) throw new Error(`bare "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) expect(bareAmp.test(m[5]), `bare "&" in text ${m[5]}`).toBe(false);
    else {
      expect(bareAmp.test(m[3] ?? ''), `bare "&" in attributes ${m[3]}`).toBe(false);
      if (m[1]) expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
      else if (!m[4]) stack.push(m[2]!);
    }
  }
  expect(at).toBe(body.length);
  expect(stack).toEqual([]);
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every drawn line of text (one <tspan> each), unescaped, in drawing order. */
function textLines(svg: string): string[] {
  return [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]!));
}

function viewBox(svg: string) {
  const [x, y, width, height] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number);
  return { x: x!, y: y!, width: width!, height: height! };
}

function noteRects(svg: string) {
  return [...svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" data-note-id="([^"]+)"/g)].map((m) => ({
    id: m[5]!,
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }));
}

function ideasBoard(): BoardSvgInput {
  return {
    phase: { title: 'Ideal <vision>', kind: 'ideas', number: 1, question: 'What would "good" look like?' },
    topics,
    notes: [
      note('a1', 'government', 16, 16, 'Open budget hearings', { author: 'Olena' }),
      note('a2', 'government', 232, 16, 'Joint working groups', { stack: 'a1', color: 'pink' }),
      note('c1', 'community', 16, 16, HOSTILE, { color: 'blue' }),
      note('x1', CROSS_CUTTING, 16, 16, 'Trust takes time', { color: 'green' }),
      // Far outside its cell: a peer may write any coordinates; the picture must still hold it.
      note('far', 'government', -300, 900, 'far away'),
    ],
    votes: new Map([
      ['a1', 2],
      ['a2', 1],
      ['c1', 5],
    ]),
    crossCuttingLabel: 'Cross-cutting',
  };
}

describe('board picture (SVG)', () => {
  it('draws a board as well-formed SVG with every text escaped', () => {
    const svg = boardSvg(ideasBoard());
    assertWellFormed(svg);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;');
    expect(svg).toContain('&amp; &quot;x&quot;');
    expect(svg).toContain('Ideal &lt;vision&gt;');
    expect(svg).toContain('font-family="DejaVu Sans, Noto Sans, Arial, sans-serif"');
    // Wrapped over lines, the hostile note still reads back whole.
    expect(textLines(svg).join('')).toContain(HOSTILE);
  });

  it('shows the phase title, the topic headers and the cross-cutting row', () => {
    const lines = textLines(boardSvg(ideasBoard()));
    expect(lines).toContain('1. Ideal <vision>');
    expect(lines).toContain('GOVERNMENT');
    expect(lines).toContain('THE COMMUNITY');
    expect(lines).toContain('Cross-cutting');
    expect(lines).toContain('Olena');
  });

  it('draws a stack once, with its count and the sum of its votes', () => {
    const svg = boardSvg(ideasBoard());
    const ids = noteRects(svg).map((r) => r.id);
    expect(ids).toContain('a1');
    expect(ids).not.toContain('a2');
    const lines = textLines(svg);
    expect(lines).toContain('×2');
    expect(lines).toContain('3');
    expect(lines).toContain('5');
    expect(lines).not.toContain('Joint working groups');
  });

  it('leaves vote counts out when nobody voted', () => {
    const svg = boardSvg({ ...ideasBoard(), votes: new Map() });
    const lines = textLines(svg);
    expect(lines).not.toContain('5');
    expect(lines).not.toContain('3');
  });

  it('sizes the picture to hold every note, including one set far outside its cell', () => {
    const svg = boardSvg(ideasBoard());
    const box = viewBox(svg);
    const rects = noteRects(svg);
    expect(rects.map((r) => r.id).sort()).toEqual(['a1', 'c1', 'far', 'x1']);
    for (const r of rects) {
      expect(r.x, r.id).toBeGreaterThanOrEqual(box.x);
      expect(r.y, r.id).toBeGreaterThanOrEqual(box.y);
      expect(r.x + r.width, r.id).toBeLessThanOrEqual(box.x + box.width);
      expect(r.y + r.height, r.id).toBeLessThanOrEqual(box.y + box.height);
    }
    expect(svg).toMatch(new RegExp(`<svg [^>]*width="${box.width}" height="${box.height}"`));
  });

  it('draws a steps phase as numbered lists in order, long steps wrapped inside their cell', () => {
    const long = 'Agree on a shared calendar of public hearings with the city council and publish it';
    const svg = boardSvg({
      phase: { title: 'Steps', kind: 'steps', number: 3 },
      topics,
      notes: [
        note('s2', 'government', 0, 0, 'Second', { order: 2 }),
        note('s1', 'government', 0, 0, long, { order: 1 }),
        note('s3', 'gone-topic', 0, 0, 'Lost topic', { order: 3 }),
      ],
      votes: new Map([['s2', 4]]),
      crossCuttingLabel: 'Cross-cutting',
    });
    assertWellFormed(svg);
    const rects = noteRects(svg);
    expect(rects.map((r) => r.id)).toEqual(['s1', 's2', 's3']);
    const [s1, s2] = rects;
    expect(s2!.y).toBeGreaterThan(s1!.y + s1!.height);
    const lines = textLines(svg);
    expect(lines.join(' ')).toContain(long);
    expect(lines).toContain('4');
    // A step whose topic is gone lands in the cross-cutting row, below the columns.
    expect(lines).toContain('Cross-cutting');
    expect(rects[2]!.y).toBeGreaterThan(s2!.y + s2!.height);
  });

  it('drops characters XML cannot hold and escapes the rest', () => {
    expect(escapeXml('a\u0000b\uFFFEc\uD800d<&>"\'')).toBe('abcd&lt;&amp;&gt;&quot;&#39;');
  });

  it('wraps text by words, cuts words longer than a line and keeps line breaks', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('first\nsecond', 20)).toEqual(['first', 'second']);
    expect(wrapText('привіт світе', 6)).toEqual(['привіт', 'світе']);
  });
});
