import { t } from '../i18n';

// Browsers refuse canvases past about 16k pixels a side (and a few hundred megapixels in all);
// a wall-sized board is scaled down to stay well inside, rather than failing.
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64_000_000;

/** The picture's own size, from the root element's width/height (what boardSvg writes). */
function svgSize(svg: string, img: HTMLImageElement): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  const width = attr('width') || img.naturalWidth;
  const height = attr('height') || img.naturalHeight;
  if (!(width > 0 && height > 0)) throw new Error(t('export.pngNoSize'));
  return { width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(t('export.pngDecode')));
    img.src = url;
  });
}

/**
 * An SVG document rasterised by the browser at `scale` (2: sharp on a projector and in print).
 * Drawn through an <img>, so the SVG sees only the system's fonts, never the page's web fonts.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const { width, height } = svgSize(svg, img);
    const s = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * s));
    canvas.height = Math.max(1, Math.round(height * s));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(t('export.pngNoCanvas'));
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('export.pngEncode')))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
