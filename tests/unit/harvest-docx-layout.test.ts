import { describe, expect, it } from 'vitest';
import { addNote, buildSessionDocs, CROSS_CUTTING, formOf, readSession, setCellTicked, setChecked, setSelection } from '@wcb/shared';
import { AS_SEED_003, importSeed003, type Harvest, type HarvestItem } from '@wcb/shared/harvest';
import { renderDocx } from '@wcb/shared/render-docx';
import { harvestOf, readSeed003 } from '../support/harvest';
import { documentXml, xmlTables, type XmlTable } from '../support/harvest-docs';

/*
 * Seed 003's layout read from word/document.xml: per phase one table, the topics across, the
 * selected-criteria row above the material row, numbered steps, cross-cutting notes in a row of
 * the same table across all topics. With the seed-003 options each paragraph of a cell is exactly
 * one item's text, so a cell's lines are the items it holds.
 */

const lines = (items: readonly HarvestItem[]) => items.map((i) => i.text.replace(/\r?\n/g, ''));
const cellLines = (t: XmlTable, row: number) => t.rows[row]!.map((c) => c.text.split('\n').filter(Boolean));
const labelRow = (t: XmlTable, label: string) => t.rows.findIndex((r) => r.length === 1 && r[0]!.text === label);

async function seedDocument(): Promise<{ harvest: Harvest; xml: string; tables: XmlTable[] }> {
  const harvest = harvestOf(importSeed003(readSeed003(), { sessionId: 'seed003', now: 1_000 }));
  const xml = documentXml(await renderDocx(harvest, AS_SEED_003));
  return { harvest, xml, tables: xmlTables(xml).filter((t) => t.depth === 0) };
}

describe('DOCX in seed 003’s layout', () => {
  it('one table per phase, the topics across, a header row that repeats over pages, landscape pages for three topics', async () => {
    const { harvest, xml, tables } = await seedDocument();
    expect(tables).toHaveLength(harvest.phases.length);
    harvest.phases.forEach((phase, p) => {
      const table = tables[p]!;
      expect(table.rows[0]!.map((c) => c.text)).toEqual(phase.topics.map((t) => t.label));
      expect(table.rowXml[0]).toMatch(/<w:tblHeader\/>/);
      for (const row of table.rows) expect(row.reduce((n, c) => n + c.span, 0), phase.title).toBe(phase.topics.length);
    });
    expect(xml.match(/<w:pgSz [^>]*w:orient="landscape"/g)).toHaveLength(harvest.phases.length);
  }, 30_000);

  it('the selected-criteria row sits above the material row; each topic’s items in its own column, all material listed', async () => {
    const { harvest, tables } = await seedDocument();
    const ideal = harvest.phases[0]!;
    const table = tables[0]!;
    const selectedAt = labelRow(table, ideal.selectedLabel);
    const materialAt = labelRow(table, ideal.materialLabel);
    expect(selectedAt).toBeGreaterThan(0);
    expect(materialAt).toBeGreaterThan(selectedAt + 1);
    expect(cellLines(table, selectedAt + 1)).toEqual(ideal.topics.map((t) => lines(t.selected)));
    // All material: what was written in the topic, the notes that became criteria included.
    expect(cellLines(table, materialAt + 1)).toEqual(ideal.topics.map((t) => lines(t.material)));
    // The seed's criteria in its own wording, and its material whole (the overflow row included).
    const seed = readSeed003() as { phases: { selected?: Record<string, string[]>; material: Record<string, string[]>; continued?: Record<string, string[]> }[] };
    const file = seed.phases[0]!;
    expect(ideal.topics.map((t) => lines(t.selected))).toEqual(ideal.topics.map((t) => file.selected![t.topicId]));
    expect(ideal.topics.map((t) => lines(t.material))).toEqual(ideal.topics.map((t) => [...file.material[t.topicId]!, ...(file.continued?.[t.topicId] ?? [])]));
  }, 30_000);

  it('a steps phase holds each topic’s numbered steps, first to last, in its column', async () => {
    const { harvest, tables } = await seedDocument();
    const p = harvest.phases.findIndex((ph) => ph.kind === 'steps');
    const phase = harvest.phases[p]!;
    const table = tables[p]!;
    const row = table.rows.findIndex((_, i) => i > 0 && cellLines(table, i).some((c) => c.length > 1));
    expect(cellLines(table, row)).toEqual(phase.topics.map((t) => lines(t.steps)));
    for (const cell of table.rows[row]!) expect(cell.xml.match(/<w:numPr>/g)?.length).toBe(cell.text.split('\n').filter(Boolean).length);
  }, 30_000);

  it('cross-cutting notes are a row of the same table, one cell across all the topics', async () => {
    const docs = buildSessionDocs({ sessionId: 'x', templateId: 'world-cafe-ngo', language: 'en', now: 1 });
    const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
    const chosen = addNote(ideal, { topic: 'government', text: 'Trust', x: 16, y: 16 }, 10, 'n1');
    addNote(ideal, { topic: 'government', text: 'Openness', x: 16, y: 216 }, 11, 'n2');
    addNote(ideal, { topic: CROSS_CUTTING, text: 'Community first', x: 16, y: 16 }, 12, 'n3');
    setSelection(docs.control, 'ideal', 'government', [chosen]);
    const harvest = harvestOf(docs);
    const table = xmlTables(documentXml(await renderDocx(harvest, AS_SEED_003))).filter((t) => t.depth === 0)[0]!;
    const crossAt = labelRow(table, 'Cross-cutting notes');
    expect(crossAt).toBeGreaterThan(labelRow(table, harvest.phases[0]!.materialLabel || 'Material'));
    expect(table.rows[crossAt + 1]!.map((c) => ({ text: c.text, span: c.span }))).toEqual([{ text: 'Community first', span: 3 }]);
    // The chosen criterion stays in the material row too.
    const materialAt = labelRow(table, harvest.phases[0]!.materialLabel || 'Material');
    expect(cellLines(table, materialAt + 1)[0]).toEqual(['Trust', 'Openness']);
  }, 30_000);

  it('the matrix in seed 000’s form: the top-left header cell names the rows, a Σ column and row, and the grand total; the checklist in the same table style', async () => {
    const docs = buildSessionDocs({ sessionId: 'm', templateId: 'benefits-matrix', language: 'ru', now: 1 });
    const form = formOf(readSession(docs.control).prompts, 'benefits');
    const benefits = docs.phases.find((p) => p.phaseId === 'benefits')!.doc;
    setCellTicked(benefits, form.rows[0]!.id, form.columns[1]!.id, true, 'olya');
    setCellTicked(benefits, form.rows[0]!.id, form.columns[2]!.id, true, 'olya');
    setCellTicked(benefits, form.rows[3]!.id, form.columns[2]!.id, true, 'olya');
    const [matrix] = xmlTables(documentXml(await renderDocx(harvestOf(docs), AS_SEED_003))).filter((t) => t.depth === 0);
    const texts = matrix!.rows.map((r) => r.map((c) => c.text));
    expect(texts[0]).toEqual(['Выгоды', ...form.columns.map((c) => c.label), 'Σ']);
    expect(texts[1]!.at(-1)).toBe('2');
    expect(texts.at(-1)).toEqual(['Σ', '0', '1', '2', '0', '3']);

    const cycle = buildSessionDocs({ sessionId: 'c', templateId: 'partnership-cycle', language: 'en', now: 1 });
    const stage = formOf(readSession(cycle.control).prompts, 'cycle').sections[0]!;
    setChecked(cycle.phases.find((p) => p.phaseId === 'cycle')!.doc, stage.children[0]!.id, true, 'olya', 5);
    const [checklist] = xmlTables(documentXml(await renderDocx(harvestOf(cycle), AS_SEED_003))).filter((t) => t.depth === 0);
    expect(checklist!.rows[0]!.map((c) => c.text)).toEqual([`1. ${stage.section!.label}`, `1/${stage.children.length} done`]);
    expect(checklist!.rows[1]!.map((c) => c.text)).toEqual([stage.children[0]!.label, '☑']);
    expect(checklist!.rows[2]!.map((c) => c.text)).toEqual([stage.children[1]!.label, '☐']);
  }, 30_000);
});
