import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  addPhase,
  addTopic,
  applyTemplate,
  buildSessionDocs,
  CROSS_CUTTING,
  deleteNote,
  findTemplate,
  initPhaseDoc,
  LANGUAGES,
  LocalOrigin,
  migrateDoc,
  MAX_NOTE_TEXT,
  moveNote,
  phaseMaps,
  readNotes,
  readSession,
  recolorNote,
  reorderTopic,
  schemaStatus,
  SCHEMA_VERSION,
  setCurrentPhase,
  setNoteText,
  TEMPLATES,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

const fixturePath = fileURLToPath(new URL('../../../shared/fixtures/seed-003-results.json', import.meta.url));
type Fixture = {
  language: string;
  intro: string;
  topics: { id: string; label: string }[];
  phases: { id: string; title: string; question: string; selectedLabel?: string; materialLabel?: string; steps?: unknown }[];
};

function phaseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'ideal');
  return doc;
}

describe('templates', () => {
  it('the World Café template in Ukrainian is seed 003: its topics, phases, questions and labels', () => {
    const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Fixture;
    const uk = findTemplate('world-cafe-ngo')!.content.uk;
    expect(uk.topics).toEqual(fixture.topics);
    expect(uk.intro).toBe(fixture.intro);
    expect(uk.phases.map((p) => ({ id: p.id, title: p.title, question: p.question }))).toEqual(
      fixture.phases.map((p) => ({ id: p.id, title: p.title, question: p.question })),
    );
    expect(uk.phases.map((p) => p.kind)).toEqual(fixture.phases.map((p) => (p.steps ? 'steps' : 'ideas')));
    expect(uk.selectedLabel).toBe(fixture.phases[0]!.selectedLabel);
    expect(uk.materialLabel).toBe(fixture.phases[0]!.materialLabel);
  });

  it('every template is complete in Ukrainian, Russian and English with the same ids', () => {
    for (const t of TEMPLATES) {
      const ids = (lang: (typeof LANGUAGES)[number]) => ({
        topics: t.content[lang].topics.map((x) => x.id),
        phases: t.content[lang].phases.map((x) => [x.id, x.kind]),
        tables: t.content[lang].tables.length,
      });
      for (const lang of LANGUAGES) {
        expect(t.name[lang], `${t.id} name ${lang}`).toBeTruthy();
        expect(t.content[lang].title, `${t.id} title ${lang}`).toBeTruthy();
        expect(ids(lang)).toEqual(ids('uk'));
        for (const p of t.content[lang].phases) expect(p.title).toBeTruthy();
      }
    }
  });

  it('building a session twice from one template merges into one set of topics and phases', () => {
    const a = buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'uk', now: 1 });
    const b = buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'uk', now: 1 });
    syncAll([a.control, b.control]);
    const s = readSession(a.control);
    expect(s.topics.map((t) => t.label)).toEqual(['ВЛАДОЮ', 'ГРОМАДОЮ', 'ІНШИМИ ГО']);
    expect(s.phases.map((p) => p.id)).toEqual(['ideal', 'reality', 'steps']);
    expect(s.phases[2]!.kind).toBe('steps');
    expect(s.state.currentPhase).toBe('ideal');
    expect(s.meta).toMatchObject({ id: 'session-0001', language: 'uk', schemaVersion: SCHEMA_VERSION });
    expect(a.phases.map((p) => p.phaseId)).toEqual(['ideal', 'reality', 'steps']);
  });

  it('an unknown template or language is refused with a clear error', () => {
    expect(() => applyTemplate(new Y.Doc(), { sessionId: 's-000001', templateId: 'nope', language: 'uk' })).toThrow(/Unknown template "nope"/);
    expect(() =>
      applyTemplate(new Y.Doc(), { sessionId: 's-000001', templateId: 'blank', language: 'xx' as 'uk' }),
    ).toThrow(/Unknown language/);
  });
});

describe('notes', () => {
  it('adds, edits, moves, recolours and deletes a note, each in a named local transaction', () => {
    const doc = phaseDoc();
    const actions: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin instanceof LocalOrigin) actions.push(tr.origin.action);
    });
    const id = addNote(doc, { topic: 'government', text: 'Взаємодовіра', x: 10, y: 20, author: 'Оля', table: 't1', round: 1 }, 5);
    setNoteText(doc, id, 'Взаємодовіра і повага');
    moveNote(doc, id, { topic: 'community', x: 30.4, y: 40.6 });
    recolorNote(doc, id, 'blue');
    expect(readNotes(doc)).toEqual([
      {
        id,
        text: 'Взаємодовіра і повага',
        phase: 'ideal',
        topic: 'community',
        x: 30,
        y: 41,
        color: 'blue',
        table: 't1',
        author: 'Оля',
        round: 1,
        createdAt: 5,
        order: 5,
        stack: '',
      },
    ]);
    deleteNote(doc, id);
    expect(readNotes(doc)).toEqual([]);
    expect(actions).toEqual(['note.add', 'note.text', 'note.move', 'note.color', 'note.delete']);
  });

  it('editing the text changes only the edited span, so a concurrent edit elsewhere in the note survives', () => {
    const a = phaseDoc();
    const id = addNote(a, { topic: 'ngos', text: 'Довіра репутація' });
    const b = replica(a);
    setNoteText(a, id, 'Довіра, репутація');
    setNoteText(b, id, 'Довіра репутація та експертність');
    syncAll([a, b]);
    expect(readNotes(a)[0]!.text).toBe('Довіра, репутація та експертність');
    expect(readNotes(b)[0]!.text).toBe(readNotes(a)[0]!.text);
  });

  // Found by the convergence fuzz: 👍 and 👎 share their first UTF-16 unit, and a diff that kept it
  // split the pair; Yjs then stored U+FFFD halves that differed between peers.
  it('replacing one emoji with another never splits it, and peers converge on the new emoji', () => {
    const a = phaseDoc();
    const id = addNote(a, { topic: 'ngos', text: 'Так 👍 ok' });
    const b = replica(a);
    setNoteText(a, id, 'Так 👎 ok');
    setNoteText(b, id, 'Так 👍 ok!');
    syncAll([a, b]);
    expect(readNotes(a)[0]!.text).toBe('Так 👎 ok!');
    expect(readNotes(b)[0]!.text).toBe('Так 👎 ok!');
  });

  it('lone surrogate halves from a peer are replaced, never stored half-encoded', () => {
    const doc = phaseDoc();
    const id = addNote(doc, { topic: 'ngos', text: 'a\uD83Db\uDC4Dc' });
    expect(readNotes(doc).find((n) => n.id === id)!.text).toBe('a\uFFFDb\uFFFDc');
  });

  it('concurrent move and recolour of one note both survive', () => {
    const a = phaseDoc();
    const id = addNote(a, { topic: 'ngos', text: 'x' });
    const b = replica(a);
    moveNote(a, id, { topic: CROSS_CUTTING, x: 5, y: 6 });
    recolorNote(b, id, 'green');
    syncAll([a, b]);
    expect(readNotes(b)[0]).toMatchObject({ topic: CROSS_CUTTING, x: 5, y: 6, color: 'green' });
  });

  it('hostile note text is bounded and stripped of control characters but otherwise kept verbatim', () => {
    const doc = phaseDoc();
    const hostile = '<script>alert(1)</script>\u0000\u0007=HYPERLINK("x")\u202E\n' + 'a'.repeat(MAX_NOTE_TEXT);
    const id = addNote(doc, { topic: 'government', text: hostile });
    const text = readNotes(doc).find((n) => n.id === id)!.text;
    expect(text.startsWith('<script>alert(1)</script>=HYPERLINK("x")\u202E\n')).toBe(true);
    expect(text).toHaveLength(MAX_NOTE_TEXT);
  });

  it('a malformed note record from a peer reads as a well-formed note', () => {
    const doc = phaseDoc();
    doc.transact(() => {
      const rec = new Y.Map<unknown>();
      rec.set('text', 42);
      rec.set('x', Number.NaN);
      rec.set('y', 1e12);
      rec.set('color', 'chartreuse');
      rec.set('round', -3);
      phaseMaps(doc).notes.set('evil', rec);
    });
    expect(readNotes(doc)[0]).toMatchObject({ id: 'evil', text: '', x: 0, y: 100_000, color: 'yellow', round: 0, topic: CROSS_CUTTING });
  });
});

describe('control', () => {
  it('concurrent reorders of topics converge without duplicates or losses', () => {
    const a = buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en' }).control;
    const b = replica(a);
    reorderTopic(a, 'ngos', 'government');
    reorderTopic(b, 'government', null);
    const added = addTopic(b, 'Business');
    syncAll([a, b]);
    const ids = readSession(a).topics.map((t) => t.id);
    expect(ids).toEqual(readSession(b).topics.map((t) => t.id));
    expect([...ids].sort()).toEqual(['community', 'government', 'ngos', added].sort());
  });

  it('the current phase can only point at an existing phase', () => {
    const doc = buildSessionDocs({ sessionId: 'session-0001', templateId: 'blank', language: 'ru' }).control;
    const id = addPhase(doc, { title: 'Шаги', kind: 'steps' });
    setCurrentPhase(doc, id);
    expect(readSession(doc).state.currentPhase).toBe(id);
    expect(readSession(doc).phases.at(-1)).toMatchObject({ title: 'Шаги', kind: 'steps', question: '' });
    expect(() => setCurrentPhase(doc, 'missing')).toThrow(/No phase "missing"/);
  });
});

describe('schema migrations', () => {
  it('upgrades a note written by a third-party client and then writes nothing more', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      phaseMaps(doc).meta.set('phaseId', 'ideal');
      const rec = new Y.Map<unknown>();
      rec.set('text', 'Plain string text');
      phaseMaps(doc).notes.set('n1', rec);
    });
    expect(schemaStatus(doc, 'phase')).toBe('outdated');
    expect(migrateDoc(doc, 'phase')).toBe(true);
    const rec = phaseMaps(doc).notes.get('n1')!;
    expect(rec.get('text')).toBeInstanceOf(Y.Text);
    expect(rec.get('color')).toBe('yellow');
    expect(schemaStatus(doc, 'phase')).toBe('current');
    let updates = 0;
    doc.on('update', () => updates++);
    expect(migrateDoc(doc, 'phase')).toBe(false);
    expect(updates).toBe(0);
  });

  it('a note from before steps and stacks gets its creation time as order and no stack', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      phaseMaps(doc).meta.set('phaseId', 'steps');
      const rec = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ v: 1, text: new Y.Text('Крок'), topic: 'ngos', createdAt: 42 })) rec.set(k, v);
      phaseMaps(doc).notes.set('n1', rec);
    });
    expect(schemaStatus(doc, 'phase')).toBe('outdated');
    migrateDoc(doc, 'phase');
    expect(phaseMaps(doc).notes.get('n1')!.toJSON()).toMatchObject({ v: 2, order: 42, stack: '' });
    expect(schemaStatus(doc, 'phase')).toBe('current');
  });

  it('a note stacked onto something that is not a note id, or onto itself, reads as not stacked', () => {
    const doc = phaseDoc();
    const ok = addNote(doc, { topic: 'ngos', text: 'a', stack: 'head-1' }, 7, 'ok');
    const rec = (stack: unknown) => {
      const r = new Y.Map<unknown>();
      r.set('stack', stack);
      return r;
    };
    doc.transact(() => {
      phaseMaps(doc).notes.set('self', rec('self'));
      phaseMaps(doc).notes.set('weird', rec('../../x y'));
      phaseMaps(doc).notes.set('num', rec(12));
    });
    const stacks = Object.fromEntries(readNotes(doc).map((n) => [n.id, n.stack]));
    expect(stacks).toEqual({ [ok]: 'head-1', self: '', weird: '', num: '' });
    expect(readNotes(doc).find((n) => n.id === ok)!.order).toBe(7);
  });

  it('two offline peers migrating the same document converge', () => {
    const a = new Y.Doc();
    a.transact(() => {
      const rec = new Y.Map<unknown>();
      rec.set('label', 'Old topic');
      a.getMap('topics').set('t', rec);
      a.getMap('meta').set('schemaVersion', 0);
    });
    const b = replica(a);
    migrateDoc(a, 'control');
    migrateDoc(b, 'control');
    syncAll([a, b]);
    expect(a.getMap('topics').toJSON()).toEqual(b.getMap('topics').toJSON());
    expect(schemaStatus(a, 'control')).toBe('current');
  });

  it('a document from a newer app version is reported as newer and left untouched', () => {
    const doc = buildSessionDocs({ sessionId: 'session-0001', templateId: 'blank', language: 'en' }).control;
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(schemaStatus(doc, 'control')).toBe('newer');
    expect(migrateDoc(doc, 'control')).toBe(false);
  });
});
