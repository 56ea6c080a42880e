import { describe, expect, it } from 'vitest';
import { addNote, buildSessionDocs } from '@wcb/shared';
import { csvCell, escapeHtml, escapeMarkdown, importSeed003, renderCsv, renderHtml, renderMarkdown, type Harvest } from '@wcb/shared/harvest';
import { harvestOf, readSeed003 } from '../support/harvest';

const seed = readSeed003;

const seedHarvest = () => harvestOf(importSeed003(seed(), { sessionId: 'seed003', now: 1_000 }));
const allTexts = (h: Harvest) => h.phases.flatMap((p) => p.topics.flatMap((t) => [...t.selected, ...t.material, ...t.steps].map((i) => i.text)));

/** Texts that try to become markup, links, formulas or to reorder their neighbours. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click me](javascript:alert(1))',
  '![x](http://evil.example/p.png)',
  '=HYPERLINK("http://evil.example","Click")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd',
  '# not a heading',
  '| a | b |',
  '\u202Eevil override',
  'line one\nline two',
  'quotes " and \' and &amp;',
];

function hostileHarvest(): Harvest {
  const docs = buildSessionDocs({ sessionId: 'h', templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  HOSTILE.forEach((text, i) => addNote(ideal, { topic: 'government', text, x: 16, y: 16 + i * 200 }, 10 + i, `h${i}`));
  return harvestOf(docs);
}

describe('harvest renderers', () => {
  it('Markdown, HTML and CSV of the seed-003 results carry all 162 items, in document order', () => {
    const h = seedHarvest();
    const texts = allTexts(h);
    expect(texts).toHaveLength(162);
    const md = renderMarkdown(h);
    const html = renderHtml(h);
    const csv = renderCsv(h);
    let mdAt = 0;
    for (const text of texts) {
      // Markdown reads topic by topic: every item comes after the previous one.
      const mdNext = md.indexOf(escapeMarkdown(text), mdAt);
      expect(mdNext, text).toBeGreaterThanOrEqual(0);
      mdAt = mdNext;
      expect(csv).toContain(csvCell(text));
    }
    // HTML reads row by row (a table per phase): each item is inside its own phase's section.
    for (const phase of h.phases) {
      const start = html.indexOf(`<section class="phase" id="phase-${phase.id}">`);
      const section = html.slice(start, html.indexOf('</section>', start));
      for (const t of phase.topics) for (const i of [...t.selected, ...t.material, ...t.steps]) expect(section).toContain(escapeHtml(i.text));
    }
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(163);
    expect(html).toContain('<th>ВЛАДОЮ</th>');
    expect(html).toContain('ОБРАНІ КРИТЕРІЇ');
    expect(md).toContain('\n## КРОКИ ДЛЯ РЕАЛІЗАЦІЇ ІДЕАЛЬНОГО БАЧЕННЯ\n');
    expect(md.startsWith('# ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»\n')).toBe(true);
    expect(html).toContain('<h1>ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»</h1>');
    expect(html).toContain('<h2>ФОРМУВАННЯ ІДЕАЛЬНОГО БАЧЕННЯ ВЗАЄМОДІЇ</h2>');
  });

  it('hostile note text is inert in HTML: no tag, attribute or entity of its own', () => {
    const html = renderHtml(hostileHarvest());
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<bdi>\u202Eevil override</bdi>');
    expect(html).toContain('quotes &quot; and &#39; and &amp;amp;');
  });

  it('hostile note text is inert in Markdown: no link, image, heading or table', () => {
    const md = renderMarkdown(hostileHarvest());
    expect(md).not.toMatch(/[^\\]\]\(/);
    expect(md).not.toMatch(/^#+ not a heading/m);
    expect(md).toContain('\\[click me\\](javascript:alert(1))');
    expect(md).toContain('\\<script>');
    expect(md).toContain('line one  \n   line two');
  });

  it('CSV cells that a spreadsheet would run as formulas are kept as text', () => {
    const csv = renderCsv(hostileHarvest());
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    expect(csv).toContain('"\'+SUM(1,2)"');
    expect(csv).toContain('"\'-2+3"');
    expect(csv).toContain('"\'@cmd"');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csvCell('plain')).toBe('"plain"');
  });
});
