import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as Y from 'yjs';
import { buildHarvest, type Harvest } from '@wcb/shared/harvest';

/** The seed-003 results (../shared beside the repo, as in CI). */
export const SEED003_PATH = fileURLToPath(new URL('../../../shared/fixtures/seed-003-results.json', import.meta.url));

type Lists = Record<string, string[]>;
export type Seed003 = Record<string, unknown> & {
  title: string;
  phases: { id: string; selected?: Lists; material?: Lists; continued?: Lists; steps?: Lists }[];
};

/** A fresh parse each call: tests may break their copy. */
export const readSeed003 = (): Seed003 => JSON.parse(readFileSync(SEED003_PATH, 'utf8')) as Seed003;

type Room = { phaseId: string; doc: Y.Doc };
export type SessionDocsLike = { control: Y.Doc; phases: readonly Room[]; votes?: readonly Room[] };

/**
 * The harvest of a session's documents as buildSessionDocs or an importer returns them. Votes come
 * from `votes` (by phase) when given, else from the documents' own votes rooms.
 */
export function harvestOf(docs: SessionDocsLike, votes?: ReadonlyMap<string, Y.Doc> | readonly Room[], exportedAt = 0): Harvest {
  const rooms: readonly Room[] = Array.isArray(votes) ? votes : (docs.votes ?? []);
  const voteDocs = votes instanceof Map ? (votes as ReadonlyMap<string, Y.Doc>) : new Map(rooms.map((v) => [v.phaseId, v.doc]));
  return buildHarvest({ control: docs.control, phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])), voteDocs, exportedAt });
}
