import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { ExportPanel } from './support/export-page';

const e2e = useE2E();

describe('results export in the browser', () => {
  it('the facilitator downloads the results as Markdown, CSV, DOCX and PDF, also offline, with notes a participant wrote', async () => {
    const { a, b } = await e2e.cafe({ language: 'uk', title: 'Кафе <b>НГО</b>' });
    await b.board.addNote('government', '=HYPERLINK("http://evil.example")');
    await a.board.waitForNoteTexts(['=HYPERLINK("http://evil.example")']);

    const panel = new ExportPanel(a.board.page);
    const md = await panel.download('md');
    const today = new Date().toISOString().slice(0, 10);
    expect(md.fileName).toBe(`Кафе-b-НГО-b-${today}.md`);
    expect(md.text).toContain('# ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «КАФЕ \\<B>НГО\\</B>»\n');
    expect(md.text).toContain('\n## ФОРМУВАННЯ ІДЕАЛЬНОГО БАЧЕННЯ ВЗАЄМОДІЇ\n');
    expect(md.text).toContain('=HYPERLINK("http://evil.example")');

    // Offline: the export reads what this device holds, including a note nobody else has yet.
    await a.user.goOffline();
    await a.board.waitForStatus('offline');
    await a.board.addNote('ngos', 'written offline');
    const csv = await panel.download('csv');
    expect(csv.text).toContain('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csv.text).toContain('"written offline"');
    expect(csv.text.split('\r\n')[0]).toContain('"етап","тема","стіл"');

    // The documents too, still offline: their code and the PDF's fonts come from the app's cache.
    const docx = await panel.download('docx');
    expect(docx.fileName).toBe(`Кафе-b-НГО-b-${today}.docx`);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await panel.download('pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.includes('%%EOF')).toBe(true);
  });

  it('the document options (heading, provenance, charts) start as seed 003, apply to the documents, and are remembered for the session', async () => {
    const { a, b } = await e2e.cafe({ language: 'uk', title: 'Кафе', participant: 'Оксана' });
    await b.board.addNote('government', 'Довіра');
    await a.board.waitForNoteTexts(['Довіра']);
    const panel = new ExportPanel(a.board.page);

    // Seed 003's shape by default: no provenance, no charts; the data (CSV) still names the author.
    expect(await panel.choice()).toEqual({ heading: '', provenance: 'none', charts: false });
    const plain = await panel.download('md');
    expect(plain.text).toContain('- Довіра\n');
    expect(plain.text).not.toContain('Оксана');
    expect((await panel.download('csv')).text).toContain('"Оксана"');

    await panel.choose({ heading: 'Підсумки кафе', provenance: 'full', charts: true });
    await a.board.page.reload();
    await a.board.waitForConnected();
    expect(await panel.choice()).toEqual({ heading: 'Підсумки кафе', provenance: 'full', charts: true });
    const full = await panel.download('md');
    expect(full.text.startsWith('# Підсумки кафе\n')).toBe(true);
    expect(full.text).toMatch(/- Довіра _\(.*Оксана\)_/);
  });
});
