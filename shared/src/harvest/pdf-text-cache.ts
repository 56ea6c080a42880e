import { PDFHexString, type PDFFont } from 'pdf-lib';

/**
 * Caches for the PDF renderer. Profiling a 3,000-note export showed four fifths of its time in
 * fontkit's text shaping (font.layout), run once to measure every word and again to encode every
 * drawn line. A note's words repeat throughout a harvest, so both are memoized word by word; the
 * bytes written are the same as without the caches.
 *
 * Not cached: the parsed font. fontkit keeps each glyph with the characters it was first reached
 * by, and pdf-lib writes those into the PDF's ToUnicode map; a font shared across exports would
 * hand one export glyphs first reached as components of another's composites (DejaVu's Cyrillic
 * "а" is built from the Latin "a"), without characters: text in that PDF would not copy.
 */

// Widths depend only on the font file, the size and the text (the features are the
// fixed FEATURES of pdf-fonts.ts), so they are kept across exports.
// A long-running server sees ever new words: past this many entries a font's table starts over
// (a few MB at most; one harvest of 3,000 notes uses about 2,000).
const MAX_WIDTHS = 50_000;
const widthTables = new WeakMap<Uint8Array, Map<string, number>>();

// Splits text into words and runs of spaces, keeping both: the units encoded one at a time.
const SPACES = /( +)/;

/**
 * Makes `font` (embedded from `data`) measure and encode through caches: widths per size and
 * string, shared by all documents; glyph codes per word, for this document only (the codes are
 * positions in this document's font subset). Encoding word by word gives the same glyphs as a
 * whole line: the ligature and contextual features that could join words are off (render-pdf.ts).
 */
export function cacheTextOf(font: PDFFont, data: Uint8Array): void {
  let widths = widthTables.get(data);
  if (!widths) widthTables.set(data, (widths = new Map()));
  const table = widths;
  const measure = font.widthOfTextAtSize.bind(font);
  font.widthOfTextAtSize = (text: string, size: number): number => {
    const key = `${size}|${text}`;
    let width = table.get(key);
    if (width === undefined) {
      if (table.size >= MAX_WIDTHS) table.clear();
      table.set(key, (width = measure(text, size)));
    }
    return width;
  };

  const encode = font.encodeText.bind(font);
  const codes = new Map<string, string>();
  const codeOf = (token: string): string => {
    let hex = codes.get(token);
    if (hex === undefined) codes.set(token, (hex = encode(token).asString()));
    return hex;
  };
  font.encodeText = (text: string): PDFHexString => {
    const tokens = text.split(SPACES).filter(Boolean);
    // Nothing to cache, but pdf-lib's own call also marks the font as used (embedded on save).
    return tokens.length ? PDFHexString.of(tokens.map(codeOf).join('')) : encode(text);
  };
}
