import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';

/** What a phone's camera reads from a QR code on screen: the element's pixels, decoded (null: none). */
export async function scanQr(image: Locator): Promise<string | null> {
  const png = PNG.sync.read(await image.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code?.data || null;
}
