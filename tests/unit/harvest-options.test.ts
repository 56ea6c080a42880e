import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, buildSessionDocs, castDot, closeVoting, openVoting } from '@wcb/shared';
import { AS_SEED_003, defaultDocumentOptions, documentHeading, EVERYTHING, renderHtml, renderMarkdown, renderTextExport, type DocumentOptions } from '@wcb/shared/harvest';
import { renderDocx } from '@wcb/shared/render-docx';
import { harvestOf } from '../support/harvest';
import { documentXml, docxBars, xmlText } from '../support/harvest-docs';

/** A note written by Оля at table 1 in round 2, with two dots. */
function session(language: 'uk' | 'ru' | 'en' = 'uk') {
  const docs = buildSessionDocs({ sessionId: 'o', templateId: 'world-cafe-ngo', language, title: 'NGO Networking: конференція', now: 1 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  const id = addNote(ideal, { topic: 'government', text: 'Довіра', table: 't1', round: 2, author: 'Оля', x: 16, y: 16 }, 10, 'n1');
  openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
  const votes = new Y.Doc();
  castDot(votes, 'a', id, 3);
  castDot(votes, 'b', id, 3);
  closeVoting(docs.control);
  const voteDocs = new Map([['ideal', votes]]);
  return { docs, voteDocs, harvest: harvestOf(docs, voteDocs) };
}

const opts = (o: Partial<DocumentOptions>): DocumentOptions => ({ ...AS_SEED_003, ...o });

describe('export options shape the results documents', () => {
  it('the heading says these are the digitised results, in the session language, unless the facilitator reworded it', () => {
    expect(documentHeading(session('uk').harvest, AS_SEED_003)).toBe('ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»');
    expect(documentHeading(session('ru').harvest, AS_SEED_003)).toBe('ОЦИФРОВАННЫЕ РЕЗУЛЬТАТЫ РАБОТЫ «NGO NETWORKING: КОНФЕРЕНЦІЯ»');
    expect(documentHeading(session('en').harvest, AS_SEED_003)).toBe('DIGITISED RESULTS OF “NGO NETWORKING: КОНФЕРЕНЦІЯ”');
    // Seed 003's own title already is such a heading: it is not wrapped twice.
    const seedTitle = 'ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»';
    expect(documentHeading({ title: seedTitle, language: 'uk' }, AS_SEED_003)).toBe(seedTitle);
    const { harvest } = session();
    const own = opts({ heading: 'Результати конференції 2026' });
    expect(renderMarkdown(harvest, own).split('\n')[0]).toBe('# Результати конференції 2026');
    expect(renderHtml(harvest, own)).toContain('<h1>Результати конференції 2026</h1>');
  });

  it('phase headings are not numbered', async () => {
    const { harvest } = session();
    const title = harvest.phases[0]!.title;
    expect(renderMarkdown(harvest)).toContain(`\n## ${title}\n`);
    expect(renderHtml(harvest)).toContain(`<h2>${title}</h2>`);
    expect(xmlText(documentXml(await renderDocx(harvest)))).toContain(`\n${title}\n`);
  }, 30_000);

  it('provenance: none, table and round, or table, round and author, in every document format', async () => {
    const { harvest } = session();
    const cases = [
      { provenance: 'none', shows: [], hides: ['Стіл 1', 'Раунд 2', 'Оля'] },
      { provenance: 'place', shows: ['Стіл 1, Раунд 2'], hides: ['Оля'] },
      { provenance: 'full', shows: ['Стіл 1, Раунд 2, Оля'], hides: [] },
    ] as const;
    for (const c of cases) {
      const o = opts({ provenance: c.provenance });
      const docx = xmlText(documentXml(await renderDocx(harvest, o)));
      for (const text of [renderMarkdown(harvest, o), renderHtml(harvest, o), docx]) {
        expect(text, c.provenance).toContain('Довіра');
        for (const s of c.shows) expect(text, c.provenance).toContain(s);
        for (const s of c.hides) expect(text, c.provenance).not.toContain(s);
      }
    }
  }, 30_000);

  it('vote charts on or off: off draws no bars and prints no vote counts', async () => {
    const { harvest } = session();
    expect(docxBars(documentXml(await renderDocx(harvest, opts({ charts: true }))))).toHaveLength(1);
    expect(docxBars(documentXml(await renderDocx(harvest, opts({ charts: false }))))).toHaveLength(0);
    expect(renderHtml(harvest, opts({ charts: true }))).toContain('<svg class="chart"');
    expect(renderHtml(harvest, opts({ charts: false }))).not.toContain('<svg');
    expect(renderMarkdown(harvest, opts({ charts: false }))).not.toContain('2 голоси');
    expect(renderMarkdown(harvest, opts({ charts: true }))).toContain('2 голоси');
  }, 30_000);

  it('defaults: DOCX and PDF as seed 003 (no provenance, no charts), JSON and CSV everything', () => {
    expect(defaultDocumentOptions('docx')).toEqual(AS_SEED_003);
    expect(defaultDocumentOptions('pdf')).toEqual(AS_SEED_003);
    expect(defaultDocumentOptions('json')).toEqual(EVERYTHING);
    expect(defaultDocumentOptions('csv')).toEqual(EVERYTHING);
    const { docs, voteDocs } = session();
    const source = { sessionId: 'o', control: docs.control, phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])), voteDocs, exportedAt: 0 };
    // The data formats ignore a document's options: they always carry author and votes.
    const csv = renderTextExport(source, 'csv', AS_SEED_003);
    expect(csv).toContain('"Оля"');
    expect(csv).toContain('"2"');
    expect(renderTextExport(source, 'json', AS_SEED_003)).toContain('"Оля"');
  });
});
