import { readSession, type ControlRepair, type Language } from '@wcb/shared';
import { importFile } from '@wcb/shared/harvest';
import { t } from '../../i18n';
import { saveLocalSession } from '../../sync/create-session';
import { mintOwnSession, type OwnSession } from '../../sync/own-session';

// A session's results file is a few megabytes at most; far past this it is not one.
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export type ImportedLocal = {
  own: OwnSession;
  title: string;
  language: Language;
  /** Control records the file held that the server would refuse, repaired or left out (shared/control-repair.ts). */
  repairs: ControlRepair[];
};

/**
 * Loaded on first use (the parsers and papaparse stay out of the home page's bundle). Builds the
 * whole session from the file and only then stores it: a broken file throws ImportError and
 * leaves nothing behind.
 */
export async function importResultsFile(file: File): Promise<ImportedLocal> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error(t('home.importTooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
  const text = await file.text();
  const own = await mintOwnSession();
  // A CSV carries no session title; the file's name is the best one there is.
  const { repairs, ...docs } = importFile(text, { sessionId: own.id, title: file.name.replace(/\.[^.]*$/, '') });
  const { meta } = readSession(docs.control);
  await saveLocalSession(own.id, docs);
  return { own, title: meta.title, language: meta.language, repairs };
}
