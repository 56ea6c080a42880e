import type { ExportFormat } from './export-formats';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import type { Harvest, HarvestNote } from './types';

/**
 * What a person exporting chooses about a results document: how much of where each note came from
 * it prints, whether it draws the vote charts, and its heading. Seed 003, the document the network
 * publishes, has neither provenance nor charts; the data formats (JSON, CSV) always carry everything.
 */

/** none; table and round; table, round and author. */
export const PROVENANCE = ['none', 'place', 'full'] as const;
export type Provenance = (typeof PROVENANCE)[number];

export type DocumentOptions = {
  provenance: Provenance;
  charts: boolean;
  /** The results heading as the facilitator worded it; '' for the language's own (resultsHeading). */
  heading: string;
  /**
   * The participation figure (participation-svg.ts). Off where seed 003's shape is the default (a
   * published DOCX or PDF shows the results, not who wrote how much); on for HTML and Markdown,
   * which a facilitator reads back after the café.
   */
  participation?: boolean;
};

export const MAX_HEADING = 200;

/** Everything the session holds: the renderers' default, and what JSON and CSV always carry. */
export const EVERYTHING: DocumentOptions = { provenance: 'full', charts: true, heading: '', participation: true };
/** The published document's shape. */
export const AS_SEED_003: DocumentOptions = { provenance: 'none', charts: false, heading: '', participation: false };

/** The formats a person's export options apply to (the export dialog); JSON and CSV are data and carry everything. */
export const DOCUMENT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'md'];
export const isDocumentFormat = (format: ExportFormat): boolean => DOCUMENT_FORMATS.includes(format);

/**
 * Without a choice (the server's endpoint, the CLI): DOCX and PDF as published (seed 003), the
 * others with everything, as they always were.
 */
export const defaultDocumentOptions = (format: ExportFormat): DocumentOptions =>
  format === 'docx' || format === 'pdf' ? AS_SEED_003 : EVERYTHING;

/** Stored options read back defensively (another version, a hand-edited store): anything odd takes the default. */
export function readDocumentOptions(raw: unknown, fallback: DocumentOptions = AS_SEED_003): DocumentOptions {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    provenance: PROVENANCE.includes(r.provenance as Provenance) ? (r.provenance as Provenance) : fallback.provenance,
    charts: typeof r.charts === 'boolean' ? r.charts : fallback.charts,
    heading: typeof r.heading === 'string' ? r.heading.slice(0, MAX_HEADING) : fallback.heading,
    participation: typeof r.participation === 'boolean' ? r.participation : (fallback.participation ?? false),
  };
}

/** "Стіл 1, Раунд 2, Оля" as far as `provenance` asks; '' for none. */
export function provenanceOf(note: Pick<HarvestNote, 'tableName' | 'round' | 'author'>, labels: DocumentLabels, provenance: Provenance, sep = ', '): string {
  if (provenance === 'none') return '';
  const parts = [note.tableName, note.round ? `${labels.round} ${note.round}` : ''];
  if (provenance === 'full') parts.push(note.author);
  return parts.filter(Boolean).join(sep);
}

/**
 * The document's first line: the facilitator's wording, else «ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «TITLE»»
 * in its language. A title that already is such a heading (seed 003 imported) is not wrapped twice.
 */
export function documentHeading(harvest: Pick<Harvest, 'title' | 'language'>, options: Pick<DocumentOptions, 'heading'>): string {
  const own = options.heading.trim();
  if (own) return own;
  const wrap = DOCUMENT_LABELS[harvest.language].resultsHeading;
  const prefix = wrap('').replace(/[«“»”\s]+$/u, '');
  const title = harvest.title.trim();
  return title.toLocaleUpperCase(harvest.language).startsWith(prefix) ? title : wrap(title);
}
