import { readNotes, criteriaNoteIds, readSession, tally, votingBudgetFor, type Phase } from '@wcb/shared';
import {
  DOCUMENT_LABELS,
  EXPORT_MIME,
  exportFileName,
  PARTICIPATION_LABELS,
  participationOf,
  participationSvg,
  type SessionSource,
} from '@wcb/shared/harvest';
import { loadCredentials } from '../lib/credentials';
import { browserStore } from '../lib/storage';
import type { Session } from '../sync/session';
import { boardSvg, type BoardSvgInput } from './board-svg';
import { svgToPng } from './board-png';
import { gatherSession, type GatherProgress } from './gather';
import { download } from './run';

export type PictureFormat = 'svg' | 'png';

// A file of its own declares its encoding, as the board pictures do.
const SVG_PROLOGUE = '<?xml version="1.0" encoding="UTF-8"?>\n';
export type PicturesResult = { files: string[]; stale: string[] };

// Only boards are pictured: forms (matrix, checklist, survey) are in the results document.
const isBoard = (phase: Phase): boolean => phase.kind === 'ideas' || phase.kind === 'steps';

/** What one phase's picture is drawn from, read from the gathered documents. */
export function boardInput(source: SessionSource, phase: Phase): BoardSvgInput {
  const session = readSession(source.control);
  const doc = source.phaseDocs.get(phase.id);
  const voteDoc = source.voteDocs.get(phase.id);
  const budget = votingBudgetFor(source.control, phase.id);
  return {
    phase: { title: phase.title, kind: phase.kind, number: session.phases.findIndex((p) => p.id === phase.id) + 1, question: phase.question },
    topics: session.topics.map((t) => ({ id: t.id, label: t.label })),
    notes: doc ? readNotes(doc) : [],
    votes: budget !== null && voteDoc ? tally(voteDoc, budget) : new Map<string, number>(),
    selected: criteriaNoteIds(source.control, phase.id),
    crossCuttingLabel: (DOCUMENT_LABELS[session.meta.language] ?? DOCUMENT_LABELS.en).crossCutting,
  };
}

/**
 * Loaded lazily by the Results section: one picture per board phase, and the figure of who took
 * part (participation.ts, the whole session), each its own download (named
 * "<session> – <phase or figure>-<date>.svg|png"). Works offline from what this device holds.
 */
export async function downloadBoardPictures(
  session: Pick<Session, 'id' | 'controlDoc'>,
  format: PictureFormat,
  onProgress: (p: GatherProgress) => void = () => undefined,
): Promise<PicturesResult> {
  const token = loadCredentials(browserStore(), session.id)?.token;
  const gathered = await gatherSession(session.id, session.controlDoc, token, onProgress);
  try {
    const snapshot = readSession(session.controlDoc);
    const now = Date.now();
    const files: string[] = [];
    const save = async (name: string, svg: string) => {
      const fileName = exportFileName(`${snapshot.meta.title} – ${name}`, now, format);
      download(fileName, format === 'svg' ? svg : await svgToPng(svg), EXPORT_MIME[format]!);
      files.push(fileName);
    };
    for (const phase of snapshot.phases.filter(isBoard)) await save(phase.title, boardSvg(boardInput(gathered.source, phase)));
    const participation = participationOf(gathered.source);
    const language = snapshot.meta.language;
    if (participation.total > 0) await save(PARTICIPATION_LABELS[language].title, SVG_PROLOGUE + participationSvg(participation, language));
    return { files, stale: gathered.stale };
  } finally {
    gathered.dispose();
  }
}
