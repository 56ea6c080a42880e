import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCriterion, addNote, buildSessionDocs, castDot, closeVoting, CROSS_CUTTING, openVoting, readSession, setSelection, stackNote, formOf, setAnswer, setCellText, setCellTicked, setChecked, setFollowUp } from '@wcb/shared';
import { ImportError, importSeed003, exportSessionJson, importSessionJson, type Harvest } from '@wcb/shared/harvest';
import { harvestOf, readSeed003 } from '../support/harvest';

const fixture = readSeed003;


describe('harvest builder', () => {
  it('the seed-003 results, imported, come out with all 162 items in their phase, topic and section', () => {
    const seed = fixture();
    const harvest = harvestOf(importSeed003(seed, { sessionId: 'seed003', now: 1_000 }));
    let items = 0;
    for (const sp of seed.phases) {
      const phase = harvest.phases.find((p) => p.id === sp.id)!;
      for (const topic of phase.topics) {
        const expected = {
          selected: sp.selected?.[topic.topicId] ?? [],
          material: [...(sp.material?.[topic.topicId] ?? []), ...(sp.continued?.[topic.topicId] ?? [])],
          steps: sp.steps?.[topic.topicId] ?? [],
        };
        expect(topic.selected.map((i) => i.text)).toEqual(expected.selected);
        expect(topic.material.map((i) => i.text)).toEqual(expected.material);
        expect(topic.steps.map((i) => i.text)).toEqual(expected.steps);
        items += topic.selected.length + topic.material.length + topic.steps.length;
      }
      expect(phase.crossCutting).toEqual([]);
    }
    expect(items).toBe(162);
    expect(harvest.title).toBe(seed.title);
    expect(harvest.phases.map((p) => p.kind)).toEqual(['ideas', 'ideas', 'steps']);
    expect(harvest.phases[0]!.selectedLabel).toBe('ОБРАНІ КРИТЕРІЇ');
  });

  it('a broken seed-003 file names the field at fault and builds nothing', () => {
    const seed = fixture();
    (seed.phases[1]!.material as Record<string, unknown>).community = ['ok', 42];
    expect(() => importSeed003(seed, { sessionId: 's' })).toThrow(ImportError);
    expect(() => importSeed003(seed, { sessionId: 's' })).toThrow('phases[1].material.community[1]: expected text, found number');
    const wrongTopic = fixture();
    wrongTopic.phases[0]!.selected = { police: ['x'] };
    expect(() => importSeed003(wrongTopic, { sessionId: 's' })).toThrow('phases[0].selected.police: is not one of the topics');
    expect(() => importSeed003('[]', { sessionId: 's' })).toThrow('file: expected an object, found string');
  });

  it('votes are counted within the budget, stacks count their notes, selected criteria lead in their chosen order', () => {
    const docs = buildSessionDocs({ sessionId: 's1', templateId: 'world-cafe-ngo', language: 'en', now: 5 });
    const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
    const trust = addNote(ideal, { topic: 'government', text: 'Trust', table: 't1', round: 1, x: 16, y: 16 }, 10, 'trust');
    const trust2 = addNote(ideal, { topic: 'government', text: 'Mutual trust', table: 't2', round: 2, x: 232, y: 16 }, 11, 'trust2');
    const money = addNote(ideal, { topic: 'government', text: 'Funding', x: 16, y: 200 }, 12, 'money');
    addNote(ideal, { topic: CROSS_CUTTING, text: 'Everywhere: openness', x: 16, y: 16 }, 13, 'open');
    stackNote(ideal, trust2, trust);
    openVoting(docs.control, { phaseId: 'ideal', budget: 2, per: 'participant', hideCounts: false });
    const votes = new Y.Doc();
    castDot(votes, 'olya', money, 2);
    castDot(votes, 'olya', trust2, 2);
    castDot(votes, 'petro', trust, 2);
    castDot(votes, 'petro', trust, 2);
    // Over budget, written by a peer that did not know: never counted.
    castDot(votes, 'petro', money, 99);
    closeVoting(docs.control);
    setSelection(docs.control, 'ideal', 'government', [money, trust]);
    // Voting moved on to another phase: the ideal phase's dots still count with its own budget.
    openVoting(docs.control, { phaseId: 'reality', budget: 9, per: 'participant', hideCounts: false });

    const phase = harvestOf(docs, new Map([['ideal', votes]])).phases[0]!;
    expect(phase.votingBudget).toBe(2);
    const gov = phase.topics.find((t) => t.topicId === 'government')!;
    // An old selection reads as criteria worded as their notes; a stack's head brings the stack's dots.
    expect(gov.selected.map((i) => [i.text, i.votes, i.sources?.map((n) => n.id)])).toEqual([
      ['Funding', 1, ['money']],
      ['Trust', 3, ['trust']],
    ]);
    // The material keeps every note, the selected ones included, flagged as selected.
    expect(gov.material.map((i) => [i.text, i.votes, i.count, i.selected])).toEqual([
      ['Trust', 3, 2, true],
      ['Funding', 1, 1, true],
    ]);
    expect(gov.material[0]!.members.map((m) => [m.text, m.tableName, m.round])).toEqual([['Mutual trust', 'Table 2', 2]]);
    expect(phase.crossCutting.map((i) => i.text)).toEqual(['Everywhere: openness']);
    expect(readSession(docs.control).phases.length).toBe(3);
  });

  it('a steps phase lists its steps in their order, and a phase never opened reads as empty', () => {
    const docs = buildSessionDocs({ sessionId: 's2', templateId: 'world-cafe-ngo', language: 'uk', now: 5 });
    const harvest = harvestOf({ control: docs.control, phases: [] });
    expect(harvest.phases.map((p) => p.topics.every((t) => !t.material.length && !t.steps.length && !t.selected.length))).toEqual([true, true, true]);
    expect(harvest.phases[2]!.kind).toBe('steps');
    expect(harvest.phases[0]!.votingBudget).toBeNull();
  });
});

describe('session JSON', () => {
  const fullSession = () => {
    const docs = buildSessionDocs({ sessionId: 'orig', templateId: 'world-cafe-ngo', language: 'ru', now: 5 });
    const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
    const a = addNote(ideal, { topic: 'government', text: 'Доверие 👍\nи <b>открытость</b>', table: 't1', round: 2, author: 'Оля' }, 10, 'a');
    const b = addNote(ideal, { topic: 'government', text: 'Доверие', x: 300 }, 11, 'b');
    stackNote(ideal, b, a);
    openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'table', hideCounts: true });
    const votes = new Y.Doc();
    castDot(votes, 't1', a, 3);
    addCriterion(docs.control, { phaseId: 'ideal', topicId: 'government', text: 'Доверие и открытость', noteIds: [a, b] }, 'crit1');
    return { docs, votes };
  };
  const exportOf = (docs: { control: Y.Doc; phases: { phaseId: string; doc: Y.Doc }[] }, votes: { phaseId: string; doc: Y.Doc }[], sessionId: string) =>
    exportSessionJson({
      sessionId,
      control: docs.control,
      phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])),
      voteDocs: new Map(votes.map((v) => [v.phaseId, v.doc])),
    });

  it('export → import → export is deep-equal but for the new session id', () => {
    const { docs, votes } = fullSession();
    const first = exportOf(docs, [{ phaseId: 'ideal', doc: votes }], 'orig');
    const imported = importSessionJson(JSON.parse(JSON.stringify(first)), 'copy');
    const second = exportOf(imported, imported.votes, 'copy');
    const normalise = (j: unknown) => JSON.parse(JSON.stringify(j).replaceAll('"copy"', '"orig"'));
    expect(normalise(second)).toEqual(first);
    expect(readSession(imported.control).meta.id).toBe('copy');
    // The imported note text is collaborative text again, not a frozen string.
    const harvest = harvestOf(imported, new Map(imported.votes.map((v) => [v.phaseId, v.doc])));
    expect(harvest.phases[0]!.topics[0]!.material.map((i) => [i.text, i.votes, i.count])).toEqual([['Доверие 👍\nи <b>открытость</b>', 1, 2]]);
    // The criterion keeps both its wording and the notes it was distilled from.
    expect(harvest.phases[0]!.topics[0]!.selected.map((i) => [i.text, i.sources?.map((n) => n.id)])).toEqual([['Доверие и открытость', ['a', 'b']]]);
  });

  it('a broken session file names the field at fault and creates nothing', () => {
    const { docs, votes } = fullSession();
    const good = JSON.parse(JSON.stringify(exportOf(docs, [{ phaseId: 'ideal', doc: votes }], 'orig')));
    const bad = structuredClone(good);
    bad.phases.ideal.notes.a.text = 42;
    expect(() => importSessionJson(bad, 'x')).toThrow('phases.ideal.notes.a.text: must be text');
    expect(() => importSessionJson({ ...good, format: 'other' }, 'x')).toThrow('format: expected "world-cafe-board/session"');
    expect(() => importSessionJson({ ...good, schemaVersion: 99 }, 'x')).toThrow(ImportError);
    const extra = structuredClone(good);
    extra.control.hack = {};
    expect(() => importSessionJson(extra, 'x')).toThrow('control.hack: is not part of this format');
    expect(() => importSessionJson(null, 'x')).toThrow('file: expected an object, found null');
  });
});

describe('session JSON of structured phases', () => {
  it('matrix ticks and fills, checklist checks and survey answers survive export → import → export', () => {
    const matrix = buildSessionDocs({ sessionId: 'm1', templateId: 'benefits-matrix', language: 'uk', now: 1 });
    const phase = matrix.phases[0]!;
    const [row, column] = [formOf(readSession(matrix.control).prompts, phase.phaseId).rows[0]!, formOf(readSession(matrix.control).prompts, phase.phaseId).columns[1]!];
    setCellTicked(phase.doc, row.id, column.id, true, 'Стіл 1');
    setCellText(phase.doc, row.id, column.id, 'призи школам');
    setChecked(phase.doc, 'some-item', true, 'Оля', 7);
    setAnswer(phase.doc, 'dev1', 'q1', 80, 8);
    setFollowUp(phase.doc, 'dev1~2', 'q2', 'З владою', 9);
    const exportOf = (docs: { control: Y.Doc; phases: { phaseId: string; doc: Y.Doc }[] }, id: string) =>
      exportSessionJson({ sessionId: id, control: docs.control, phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])), voteDocs: new Map() });
    const first = exportOf(matrix, 'm1');
    expect(first.phases[phase.phaseId]!.cellTexts).toEqual({ [`${row.id}|${column.id}`]: 'призи школам' });
    const copy = importSessionJson(JSON.parse(JSON.stringify(first)), 'm2');
    expect(JSON.parse(JSON.stringify(exportOf(copy, 'm2')).replaceAll('"m2"', '"m1"'))).toEqual(first);
    const harvest = harvestOf(copy);
    expect(harvest.phases[0]!.matrix!.cells[0]![1]).toEqual({ ticked: true, text: 'призи школам' });
  });
});

describe('session JSON of the seed-003 results', () => {
  it('the imported conference survives JSON export and import with all 162 items in place', () => {
    const docs = importSeed003(fixture(), { sessionId: 'seed003', now: 1_000 });
    const source = { sessionId: 'seed003', control: docs.control, phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])), voteDocs: new Map<string, Y.Doc>() };
    const copy = importSessionJson(JSON.parse(JSON.stringify(exportSessionJson(source))), 'copy003');
    const before = harvestOf(docs);
    const after = harvestOf(copy);
    const sections = (h: Harvest) => h.phases.map((p) => p.topics.map((t) => [t.selected, t.material, t.steps].map((list) => list.map((i) => i.text))));
    expect(sections(after)).toEqual(sections(before));
    expect(sections(after).flat(3)).toHaveLength(162);
  });
});
