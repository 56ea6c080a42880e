import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import { addNote, buildSessionDocs, castDot, CROSS_CUTTING, openVoting } from '@wcb/shared';
import { renderExport, type SessionSource } from '@wcb/shared/harvest';
import { timeAndCpuMedian, round } from './lib/stats';
import type { Figure } from './lib/report';

const require = createRequire(import.meta.url);
const font = (name: string) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)));

const WORDS = 'довіра прозорість співпраця партнерство громада влада звітність стратегія trust funding dialogue network'.split(' ');

/** A session of `notes` notes over the three phases and topics of seed 003, with stacks and votes. */
export function bigSession(notes: number, seed = 1): SessionSource {
  const docs = buildSessionDocs({ sessionId: 'bench', templateId: 'world-cafe-ngo', language: 'uk', now: 1 });
  const topics = ['government', 'community', 'ngos', CROSS_CUTTING];
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const perPhase = Math.ceil(notes / docs.phases.length);
  const voteDocs = new Map<string, Y.Doc>();
  openVoting(docs.control, { phaseId: 'ideal', budget: 5, per: 'participant', hideCounts: false });
  docs.phases.forEach(({ phaseId, doc }, p) => {
    const ids: string[] = [];
    doc.transact(() => {
      for (let i = 0; i < perPhase && p * perPhase + i < notes; i++) {
        const words = Array.from({ length: 3 + Math.floor(rand() * 8) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
        ids.push(addNote(doc, { topic: topics[i % topics.length]!, text: words.join(' '), x: (i % 6) * 216, y: Math.floor(i / 6) * 166, table: `t${(i % 3) + 1}`, round: 1 + (i % 2) }, 1000 + i, `n${p}-${i}`));
      }
    });
    if (phaseId === 'ideal') {
      const votes = new Y.Doc();
      for (let v = 0; v < 60; v++) for (let d = 0; d < 5; d++) castDot(votes, `voter${v}`, ids[Math.floor(rand() * ids.length)]!, 5);
      voteDocs.set(phaseId, votes);
    }
  });
  return { sessionId: 'bench', control: docs.control, phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])), voteDocs, exportedAt: 1 };
}

/** f. Export of a 3,000-note session: DOCX, PDF and CSV, median of 3 runs each, wall and CPU time. */
export async function benchExport(): Promise<Figure[]> {
  const source = bigSession(3000);
  const fonts = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
  const loadFonts = () => Promise.resolve(fonts);
  const figures: Figure[] = [];
  for (const format of ['docx', 'pdf', 'csv'] as const) {
    const { ms, cpuMs } = await timeAndCpuMedian(3, () => renderExport(source, format, loadFonts));
    figures.push({
      id: `export.${format}`,
      group: 'f. Export (3,000 notes)',
      label: `${format.toUpperCase()} export (CPU ${round(cpuMs, 0)} ms)`,
      value: round(ms, 0),
      unit: 'ms',
      ...(format === 'csv' ? {} : { target: { op: '<=' as const, value: 1000 } }),
    });
  }
  return figures;
}
