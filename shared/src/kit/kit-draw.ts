import QRCode from 'qrcode';
import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { printable } from '../harvest/pdf-layout';

export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.4, 0.4, 0.4);
export const LIGHT = rgb(0.65, 0.65, 0.65);
const WHITE = rgb(1, 1, 1);
const LEADING = 1.25;

export type KitFonts = { regular: PDFFont; bold: PDFFont };
export type TextStyle = { size: number; bold?: boolean; color?: RGB };

/**
 * Draws the kit's text and QR codes on pdf-lib pages. Every string passes `printable` first: control
 * and direction characters go, glyphs the font lacks become "?", so a hostile name prints as inert
 * text and cannot reorder or hide what surrounds it.
 */
export class KitPen {
  private readonly charsets: { regular: Set<number>; bold: Set<number> };

  constructor(readonly fonts: KitFonts) {
    this.charsets = { regular: new Set(fonts.regular.getCharacterSet()), bold: new Set(fonts.bold.getCharacterSet()) };
  }

  clean(text: string, bold = false): string {
    return printable(text.replace(/\s+/g, ' ').trim(), bold ? this.charsets.bold : this.charsets.regular);
  }

  font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  width(text: string, style: TextStyle): number {
    return this.font(style).widthOfTextAtSize(text, style.size);
  }

  /** Lines no wider than `max`: at spaces, and inside a word (a link) only when it alone is wider. */
  wrap(text: string, style: TextStyle, max: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.clean(text, style.bold).split(' ').filter(Boolean)) {
      const joined = line ? `${line} ${word}` : word;
      if (this.width(joined, style) <= max) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const ch of word) {
        if (line && this.width(line + ch, style) > max) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** At most `maxLines` lines; a cut last line ends in "…". */
  clip(lines: string[], style: TextStyle, max: number, maxLines: number): string[] {
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last && this.width(`${last}…`, style) > max) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = `${last}…`;
    return kept;
  }

  lineHeight(style: TextStyle): number {
    return style.size * LEADING;
  }

  /**
   * Draws wrapped text from `top` downwards within [x, x + max], at most `maxLines` lines (centred
   * when asked). Returns the y under the last line.
   */
  text(page: PDFPage, text: string, style: TextStyle, box: { x: number; top: number; max: number; maxLines?: number; center?: boolean }): number {
    const lines = this.clip(this.wrap(text, style, box.max), style, box.max, box.maxLines ?? Infinity);
    let y = box.top;
    for (const line of lines) {
      y -= this.lineHeight(style);
      const w = this.width(line, style);
      const x = box.center ? box.x + (box.max - w) / 2 : box.x;
      page.drawText(line, { x, y: y + style.size * 0.25, font: this.font(style), size: style.size, color: style.color ?? INK });
    }
    return y;
  }

  /** The largest size from `sizes` at which `text` fits in `maxLines` lines of `max`. */
  fitSize(text: string, sizes: readonly number[], max: number, maxLines: number, bold = true): number {
    for (const size of sizes) if (this.wrap(text, { size, bold }, max).length <= maxLines) return size;
    return sizes[sizes.length - 1]!;
  }
}

/**
 * A QR code as vector rectangles (no raster): `size` points square including the quiet zone of 4
 * modules, bottom-left corner at (x, y). Error correction M, as the share dialog's codes.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / (n + 8);
  page.drawRectangle({ x, y, width: size, height: size, color: WHITE });
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      // A run of dark modules in a row is one rectangle: fewer operators, no hairline seams.
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      page.drawRectangle({ x: x + (4 + start) * cell, y: y + size - (4 + row + 1) * cell, width: (col - start) * cell, height: cell, color: INK });
    }
  }
}
