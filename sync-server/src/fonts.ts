import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PdfFonts } from '@wcb/shared/harvest';

const require = createRequire(import.meta.url);

/** The TTF files embedded in PDF exports: DejaVu Sans covers Latin and Cyrillic completely. */
export const PDF_FONT_MODULES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

/** Reads the fonts on first use and keeps them (1.4 MB) for the next export. */
export function makeFontLoader(): () => Promise<PdfFonts> {
  let fonts: Promise<PdfFonts> | null = null;
  const read = async (module: string) => new Uint8Array(await readFile(require.resolve(module)));
  return () => {
    fonts ??= Promise.all([read(PDF_FONT_MODULES.regular), read(PDF_FONT_MODULES.bold)]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read is not cached: the next export tries again.
    fonts.catch(() => (fonts = null));
    return fonts;
  };
}
