import { bigBoardSpot } from './chromium';

// As the board draws a column: four notes across, the header above.
const COLUMN_W = 16 + 4 * 216;
const COLUMN_GAP = 16;
const HEADER_H = 64;

/**
 * The peer for section d: a plain DOM page with `notes` absolutely positioned divs the size of
 * our notes (200×150, a line of text each), laid out as the bench's big board lays them out, in
 * four columns. A press on a div drags it (its transform follows the pointer); a press elsewhere
 * pans the layer that holds them all (its transform). Pointer events, no framework, no work per
 * move beyond one style write: what a browser does with this many boxes when a page asks nothing more.
 */
export function plainBoardHtml(notes: number): string {
  const divs: string[] = [];
  for (let i = 0; i < notes; i++) {
    const spot = bigBoardSpot(i, 4);
    const x = (i % 4) * (COLUMN_W + COLUMN_GAP) + spot.x;
    const y = HEADER_H + spot.y;
    divs.push(`<div class="n" style="transform:translate(${x}px,${y}px)" data-x="${x}" data-y="${y}">idea ${i}: trust, transparency and dialogue</div>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; height: 100%; overflow: hidden; font-family: system-ui, sans-serif; }
#stage { position: absolute; inset: 0; overflow: hidden; background: #f7f3ea; touch-action: none; user-select: none; }
#layer { position: absolute; left: 0; top: 0; }
.n { position: absolute; left: 0; top: 0; width: 200px; height: 150px; box-sizing: border-box; padding: 12px 14px; background: #fff1a8; border-radius: 4px 4px 10px 4px; font-size: 17px; line-height: 1.35; }
.n.up { z-index: 1; }
</style></head><body><div id="stage"><div id="layer">${divs.join('')}</div></div><script>
const stage = document.getElementById('stage');
const layer = document.getElementById('layer');
const pan = { x: 0, y: 0 };
let g = null;
stage.addEventListener('pointerdown', (e) => {
  const note = e.target.closest('.n');
  stage.setPointerCapture(e.pointerId);
  if (note) note.classList.add('up');
  g = { note, x: e.clientX, y: e.clientY, base: note ? { x: +note.dataset.x, y: +note.dataset.y } : { ...pan } };
});
stage.addEventListener('pointermove', (e) => {
  if (!g) return;
  const x = g.base.x + e.clientX - g.x;
  const y = g.base.y + e.clientY - g.y;
  if (g.note) {
    g.note.style.transform = 'translate(' + x + 'px,' + y + 'px)';
    g.note.dataset.x = x;
    g.note.dataset.y = y;
  } else {
    pan.x = x;
    pan.y = y;
    layer.style.transform = 'translate(' + x + 'px,' + y + 'px)';
  }
});
stage.addEventListener('pointerup', () => { g = null; });
</script></body></html>`;
}
