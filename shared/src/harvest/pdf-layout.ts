import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/**
 * A small flow layout for the PDF harvest: A4 pages, word wrapping by the font's own widths, page
 * breaks, headings kept with what follows, lists with hanging indents and page footers.
 */

export const COLORS = {
  text: rgb(0.13, 0.13, 0.13),
  grey: rgb(0.4, 0.4, 0.4),
  light: rgb(0.55, 0.55, 0.55),
  accent: rgb(0.91, 0.64, 0.24),
  count: rgb(0.64, 0.36, 0),
  rule: rgb(0.6, 0.6, 0.6),
  fill: rgb(0.95, 0.92, 0.85),
} as const;

export type Weight = 'regular' | 'bold';
export type Run = { text: string; weight?: Weight; size?: number; color?: RGB };
export type LayoutFonts = Record<Weight, PDFFont>;

const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [A4[1], A4[0]];
const MARGIN = 56;
const FOOTER_Y = 30;
const LEADING = 1.3;
export const BODY = 10;

// Everything a reader would take for a line break; the rest of the controls print as nothing.
const BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/*
 * DejaVu Sans has no colour emoji, and a font that has them (Noto Color Emoji, 10 MB of bitmaps)
 * cannot be embedded by pdf-lib. So emoji print as a documented substitution, never "?": the usual
 * ones as the emoticon people typed before emoji (🙂 → ":)", 👍 → "(+1)", ❤ → "<3"), any other as
 * "(emoji)". Variation selectors and skin tones, which only style an emoji, go with it.
 */
const EMOTICONS: Readonly<Record<string, string>> = {
  '🙂': ':)', '😀': ':D', '😃': ':D', '😄': ':D', '😁': ':D', '😊': ':)', '😉': ';)', '😂': ':\'D', '🤣': ':\'D',
  '😍': '<3', '🥰': '<3', '😎': 'B)', '😐': ':|', '😕': ':/', '🙁': ':(', '😞': ':(', '😢': ':\'(', '😭': ':\'(',
  '😮': ':O', '😲': ':O', '😡': '>:(', '😠': '>:(', '🤔': '(?)', '👍': '(+1)', '👎': '(-1)', '👏': '(clap)',
  '🙏': '(thanks)', '❤': '<3', '💔': '</3', '🔥': '(fire)', '🎉': '(party)', '⭐': '*', '🌟': '*', '✅': '✓', '❌': '✗',
  '💡': '(idea)', '🚀': '(rocket)', '👉': '->', '👈': '<-',
};
const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_STYLE = /[\uFE0E\uFE0F\u200D]|\uD83C[\uDFFB-\uDFFF]/g;

/**
 * The text as the font can draw it: tabs become spaces, control and format characters (bell,
 * direction overrides, zero-width marks) go, emoji the font lacks become their emoticon (above),
 * and any other character without a glyph becomes "?" — pdf-lib would otherwise draw an empty box or throw.
 */
export function printable(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.replace(/\t/g, ' ').replace(EMOJI_STYLE, '').replace(INVISIBLE, '')) {
    const cp = ch.codePointAt(0)!;
    if (charset.has(cp) && !(cp >= 0xd800 && cp <= 0xdfff)) out += ch;
    else if (EMOJI.test(ch)) out += EMOTICONS[ch] ?? '(emoji)';
    else out += '?';
  }
  return out;
}

type Piece = { text: string; font: PDFFont; size: number; color: RGB; width: number };
export type Line = { pieces: Piece[]; width: number; height: number };

export type BlockOptions = { indent?: number; align?: 'left' | 'center'; spaceBefore?: number; spaceAfter?: number; keep?: boolean };

export class FlowLayout {
  readonly left = MARGIN;
  private size: [number, number] = A4;
  private page!: PDFPage;
  private y = 0;
  private readonly charsets: Record<Weight, Set<number>>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: LayoutFonts,
  ) {
    this.charsets = { regular: new Set(fonts.regular.getCharacterSet()), bold: new Set(fonts.bold.getCharacterSet()) };
    this.newPage();
  }

  get right(): number {
    return this.size[0] - MARGIN;
  }

  get width(): number {
    return this.size[0] - 2 * MARGIN;
  }

  get landscape(): boolean {
    return this.size === A4_LANDSCAPE;
  }

  get current(): PDFPage {
    return this.page;
  }

  get cursor(): number {
    return this.y;
  }

  get bottom(): number {
    return MARGIN;
  }

  /** The top of the text area: where a fresh page starts. */
  get top(): number {
    return this.size[1] - MARGIN;
  }

  /** A new page, in the orientation asked for (else the current one): landscape holds three topic columns. */
  newPage(landscape = this.landscape): void {
    this.size = landscape ? A4_LANDSCAPE : A4;
    this.page = this.doc.addPage(this.size);
    this.y = this.top;
  }

  /** The first page takes the first phase's orientation: seed 003 opens straight into its first table. */
  orient(landscape: boolean): void {
    if (landscape !== this.landscape && this.y === this.top && this.doc.getPageCount() === 1) {
      this.doc.removePage(0);
      this.newPage(landscape);
    }
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y - height < this.bottom && this.y < this.top) this.newPage();
  }

  fits(height: number): boolean {
    return this.y - height >= this.bottom;
  }

  space(height: number): void {
    this.y = Math.max(this.bottom, this.y - height);
  }

  /** Takes `height` from the page (after `ensure`) and returns the top of the taken band. */
  take(height: number): number {
    this.ensure(height);
    const top = this.y;
    this.y -= height;
    return top;
  }

  font(weight: Weight = 'regular'): PDFFont {
    return this.fonts[weight];
  }

  clean(text: string, weight: Weight = 'regular'): string {
    return printable(text, this.charsets[weight]);
  }

  /** The width of already cleaned text. */
  measure(text: string, size = BODY, weight: Weight = 'regular'): number {
    return this.fonts[weight].widthOfTextAtSize(text, size);
  }

  /** Wraps runs into lines no wider than `max`: at spaces, and inside a word only when it alone is wider. */
  wrap(runs: readonly Run[], max: number): Line[] {
    const lines: Line[] = [];
    let line: Line = { pieces: [], width: 0, height: 0 };
    let pendingSpace: Piece | null = null;
    const push = () => {
      if (!line.height) line.height = BODY * LEADING;
      lines.push(line);
      line = { pieces: [], width: 0, height: 0 };
      pendingSpace = null;
    };
    const place = (p: Piece) => {
      line.pieces.push(p);
      line.width += p.width;
      line.height = Math.max(line.height, p.size * LEADING);
    };
    for (const run of runs) {
      const weight = run.weight ?? 'regular';
      const font = this.fonts[weight];
      const size = run.size ?? BODY;
      const color = run.color ?? COLORS.text;
      const piece = (text: string): Piece => ({ text, font, size, color, width: font.widthOfTextAtSize(text, size) });
      run.text.split(BREAKS).forEach((segment, i) => {
        if (i > 0) push();
        for (const token of this.clean(segment, weight).split(/( +)/)) {
          if (!token) continue;
          if (token.startsWith(' ')) {
            if (line.pieces.length) pendingSpace = piece(' ');
            continue;
          }
          const word = piece(token);
          const gap: number = pendingSpace ? (pendingSpace as Piece).width : 0;
          if (line.pieces.length && line.width + gap + word.width > max) push();
          if (pendingSpace && line.pieces.length) place(pendingSpace);
          pendingSpace = null;
          if (word.width <= max - line.width) {
            place(word);
            continue;
          }
          // A word wider than the line (a URL, a row of letters) breaks between characters.
          let chunk = '';
          for (const ch of token) {
            if (chunk && line.width + font.widthOfTextAtSize(chunk + ch, size) > max) {
              place(piece(chunk));
              push();
              chunk = '';
            }
            chunk += ch;
          }
          if (chunk) place(piece(chunk));
        }
      });
    }
    if (line.pieces.length || !lines.length) push();
    return lines;
  }

  drawLine(line: Line, x: number, baseline: number): void {
    // Neighbouring pieces of one style go out as one string: fewer operators, cleaner text extraction.
    let at = x;
    let i = 0;
    while (i < line.pieces.length) {
      const first = line.pieces[i]!;
      let text = first.text;
      let width = first.width;
      let j = i + 1;
      while (j < line.pieces.length && line.pieces[j]!.font === first.font && line.pieces[j]!.size === first.size && line.pieces[j]!.color === first.color) {
        text += line.pieces[j]!.text;
        width += line.pieces[j]!.width;
        j++;
      }
      if (text.trim()) this.page.drawText(text, { x: at, y: baseline, font: first.font, size: first.size, color: first.color });
      at += width;
      i = j;
    }
  }

  /**
   * Lays out a paragraph. `marker` (a bullet or number) hangs left of the text's indent on its first
   * line. A short block is kept on one page so a note never reads split by a footer.
   */
  paragraph(runs: readonly Run[], opts: BlockOptions & { marker?: Run; hanging?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const hanging = opts.marker ? (opts.hanging ?? 16) : 0;
    const x = this.left + indent + hanging;
    const lines = this.wrap(runs, this.width - indent - hanging);
    const total = lines.reduce((s, l) => s + l.height, 0);
    if (opts.spaceBefore) this.space(opts.spaceBefore);
    if (opts.keep !== false && total < (this.size[1] - 2 * MARGIN) / 3) this.ensure(total);
    lines.forEach((line, i) => {
      const top = this.take(line.height);
      const baseline = top - line.height / LEADING;
      const lx = opts.align === 'center' ? this.left + (this.width - line.width) / 2 : x;
      if (i === 0 && opts.marker) {
        const weight = opts.marker.weight ?? 'regular';
        const size = opts.marker.size ?? BODY;
        this.page.drawText(this.clean(opts.marker.text, weight), { x: this.left + indent, y: baseline, font: this.fonts[weight], size, color: opts.marker.color ?? COLORS.text });
      }
      this.drawLine(line, lx, baseline);
    });
    if (opts.spaceAfter) this.space(opts.spaceAfter);
  }

  /** A heading stays with at least a few lines of what follows it. */
  heading(text: string, size: number, opts: BlockOptions & { rule?: boolean; color?: RGB } = {}): void {
    if (opts.spaceBefore) this.space(opts.spaceBefore);
    this.ensure(size * LEADING * 2 + BODY * LEADING * 3);
    this.paragraph([{ text, weight: 'bold', size, color: opts.color ?? COLORS.text }], { ...opts, spaceBefore: 0, spaceAfter: 0, keep: true });
    if (opts.rule) {
      this.page.drawLine({ start: { x: this.left, y: this.y - 1 }, end: { x: this.right, y: this.y - 1 }, thickness: 1.5, color: COLORS.accent });
      this.space(5);
    }
    if (opts.spaceAfter) this.space(opts.spaceAfter);
  }

  /** Lists: numbered ("1.") or bulleted ("•"), each entry a paragraph with a hanging marker. */
  list(entries: readonly Run[][], opts: { ordered: boolean; indent?: number }): void {
    const size = BODY;
    const hanging = opts.ordered ? Math.max(16, this.measure(`${entries.length}.`, size) + 6) : 12;
    entries.forEach((runs, i) =>
      this.paragraph(runs, { indent: opts.indent ?? 0, hanging, marker: { text: opts.ordered ? `${i + 1}.` : '•', color: COLORS.grey }, spaceAfter: 2 }),
    );
  }

  /** "N / M" and the export line on every page, once the page count is known. */
  footers(left: string): void {
    const pages = this.doc.getPages();
    const size = 8;
    const font = this.fonts.regular;
    const text = this.clean(left);
    pages.forEach((page, i) => {
      const n = `${i + 1} / ${pages.length}`;
      page.drawText(text, { x: this.left, y: FOOTER_Y, font, size, color: COLORS.light });
      page.drawText(n, { x: page.getWidth() - MARGIN - font.widthOfTextAtSize(n, size), y: FOOTER_Y, font, size, color: COLORS.light });
    });
  }
}
