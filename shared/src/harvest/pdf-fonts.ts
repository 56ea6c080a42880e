import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { cacheTextOf } from './pdf-text-cache';

/** The font files the PDF embeds (DejaVu Sans covers Cyrillic); node reads them, a browser fetches them. */
export type PdfFonts = { regular: Uint8Array; bold: Uint8Array };

// Ligatures off: a ligature glyph would read back from the PDF as one odd character ("ﬁ").
const FEATURES = { liga: false, clig: false, dlig: false, calt: false };

/** Embeds the regular and bold fonts in `doc`, subset, with the word caches (pdf-text-cache.ts). */
export async function embedFonts(doc: PDFDocument, fonts: PdfFonts): Promise<{ regular: PDFFont; bold: PDFFont }> {
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, features: FEATURES });
  const bold = await doc.embedFont(fonts.bold, { subset: true, features: FEATURES });
  cacheTextOf(regular, fonts.regular);
  cacheTextOf(bold, fonts.bold);
  return { regular, bold };
}
