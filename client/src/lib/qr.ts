/**
 * An SVG QR code as a data: URL for an <img>: the markup is never parsed into this document.
 * Loaded on first use: only a facilitator opening a dialog with a code needs the encoder.
 */
export async function qrDataUrl(url: string): Promise<string> {
  const QRCode = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
