import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, buildSessionDocs, castDot, closeVoting, CROSS_CUTTING, openVoting } from '@wcb/shared';
import { AS_SEED_003, EVERYTHING, participationOf, participationSvg, renderHtml, renderMarkdown } from '@wcb/shared/harvest';
import { renderDocx } from '@wcb/shared/render-docx';
import { harvestOf } from '../support/harvest';
import { documentXml, xmlTables } from '../support/harvest-docs';

/** Two tables, two rounds, a note outside any table, one anonymous note, three dots. */
function session() {
  const docs = buildSessionDocs({ sessionId: 'p', templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  const reality = docs.phases.find((p) => p.phaseId === 'reality')!.doc;
  addNote(ideal, { topic: 'government', text: 'Trust', table: 't1', round: 1, author: 'Olya' }, 1, 'a');
  addNote(ideal, { topic: 'government', text: 'Money', table: 't1', round: 1, author: 'Olya' }, 2, 'b');
  addNote(ideal, { topic: 'community', text: '<script>x</script>', table: 't2', round: 2, author: 'Petro' }, 3, 'c');
  addNote(reality, { topic: 'ngos', text: 'Rivalry', table: 't1', round: 2, author: '' }, 4, 'd');
  addNote(reality, { topic: CROSS_CUTTING, text: 'Everywhere', round: 0, author: 'Ivan' }, 5, 'e');
  openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
  const votes = new Y.Doc();
  castDot(votes, 'v1', 'a', 3);
  castDot(votes, 'v1', 'a', 3);
  castDot(votes, 'v2', 'c', 3);
  closeVoting(docs.control);
  return { docs, votes: new Map([['ideal', votes]]) };
}

describe('who took part (participation.ts)', () => {
  it('counts notes per table × round, notes and dots per topic, and the anonymous share, from the session’s documents', () => {
    const { docs, votes } = session();
    const p = participationOf({ control: docs.control, phaseDocs: new Map(docs.phases.map((x) => [x.phaseId, x.doc])), voteDocs: votes });
    expect(p.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', '']);
    expect(p.rounds).toEqual([1, 2, 0]);
    expect(p.notes[0]).toEqual([2, 1, 0]);
    expect(p.notes[1]).toEqual([0, 1, 0]);
    expect(p.notes.at(-1)).toEqual([0, 0, 1]);
    expect(p.topics.map((t) => [t.id, t.notes, t.votes])).toEqual([
      ['government', 2, 2],
      ['community', 1, 1],
      ['ngos', 1, 0],
      [CROSS_CUTTING, 1, 0],
    ]);
    expect([p.anonymous, p.total]).toEqual([1, 5]);
    // No names in the numbers.
    expect(JSON.stringify(p)).not.toMatch(/Olya|Petro|Ivan/);
  });

  it('the figure is one inert SVG, in HTML by default and as a native Word table when asked for; seed 003’s DOCX default leaves it out', async () => {
    const { docs, votes } = session();
    const harvest = harvestOf(docs, votes);
    const svg = participationSvg(harvest.participation!, 'uk');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Хто взяв участь');
    expect(svg).toContain('Без імені: 1 з 5 нотаток (20%)');
    expect(svg).not.toContain('<script');
    // A file of its own must be well-formed XML: no element names an attribute twice.
    for (const tag of svg.match(/<[a-z][^>]*>/g) ?? []) {
      const names = [...tag.matchAll(/\s([a-z-]+)=/g)].map((m) => m[1]);
      expect(new Set(names).size, tag).toBe(names.length);
    }

    expect(renderHtml(harvest)).toContain('<section class="participation" data-figure="participation"><svg');
    expect(renderHtml(harvest, AS_SEED_003)).not.toContain('data-figure="participation"');

    const xml = documentXml(await renderDocx(harvest, { ...AS_SEED_003, participation: true }));
    expect(xml).toContain('Who took part');
    const heat = xmlTables(xml).find((t) => t.rows[0]!.map((c) => c.text).join('|') === '|Round 1|Round 2|Outside a round')!;
    expect(heat.rows.slice(1, 3).map((r) => r.map((c) => c.text))).toEqual([
      ['Table 1', '2', '1', '0'],
      ['Table 2', '0', '1', '0'],
    ]);
    expect(documentXml(await renderDocx(harvest, AS_SEED_003))).not.toContain('Who took part');
    expect(documentXml(await renderDocx(harvest, EVERYTHING))).toContain('Who took part');
    const md = renderMarkdown(harvest);
    expect(md).toContain('## Who took part');
    expect(md).toContain('| Table 1 | 2 | 1 | 0 |');
    expect(md).toContain('Written anonymously: 1 of 5 notes (20%)');
    expect(renderMarkdown(harvest, AS_SEED_003)).not.toContain('Who took part');
  }, 30_000);
});
