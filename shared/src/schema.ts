import * as Y from 'yjs';
import { controlMaps } from './control';
import { phaseMaps } from './notes';
import { latestVersion, migrateRecord, num, type Migration, type RecordMap } from './records/common';
import { noteMigrations } from './records/note';
import { phaseMigrations } from './records/phase';
import { tableMigrations } from './records/table';
import { promptMigrations } from './records/prompt';
import { topicMigrations } from './records/topic';
import { criterionMigrations } from './records/criterion';
import { criteriaMap } from './criteria';
import { SCHEMA_VERSION } from './schema-version';

export { SCHEMA_VERSION };

/**
 * 'current': nothing to do. 'outdated': run migrate*Doc. 'newer': written by a newer app version —
 * the client must not write to it (it would not know the new fields' rules) and should ask to reload.
 * 'empty': not loaded or not created yet.
 */
export type SchemaStatus = 'empty' | 'current' | 'outdated' | 'newer';

type RecordSet = { map: Y.Map<RecordMap>; migrations: readonly Migration[] };

function recordSets(doc: Y.Doc, kind: 'control' | 'phase'): RecordSet[] {
  if (kind === 'phase') return [{ map: phaseMaps(doc).notes, migrations: noteMigrations }];
  const { topics, phases, tables, prompts } = controlMaps(doc);
  return [
    { map: topics, migrations: topicMigrations },
    { map: phases, migrations: phaseMigrations },
    { map: tables, migrations: tableMigrations },
    { map: prompts, migrations: promptMigrations },
    { map: criteriaMap(doc), migrations: criterionMigrations },
  ];
}

const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');

function staleRecords(doc: Y.Doc, kind: 'control' | 'phase'): RecordSet[] {
  return recordSets(doc, kind).filter(({ map, migrations }) => {
    const latest = latestVersion(migrations);
    let stale = false;
    map.forEach((r) => {
      if (r instanceof Y.Map && num(r.get('v')) < latest) stale = true;
    });
    return stale;
  });
}

export function schemaStatus(doc: Y.Doc, kind: 'control' | 'phase'): SchemaStatus {
  const meta = metaOf(doc);
  if (meta.size === 0) return 'empty';
  const version = num(meta.get('schemaVersion'));
  if (version > SCHEMA_VERSION) return 'newer';
  if (version < SCHEMA_VERSION || staleRecords(doc, kind).length > 0) return 'outdated';
  return 'current';
}

/**
 * Brings a document to the current schema in one 'migration' transaction. Writes nothing when the
 * document is already current, so opening a session does not produce an update every time.
 * Returns whether anything changed.
 */
export function migrateDoc(doc: Y.Doc, kind: 'control' | 'phase'): boolean {
  if (schemaStatus(doc, kind) !== 'outdated') return false;
  doc.transact(() => {
    for (const { map, migrations } of recordSets(doc, kind)) {
      map.forEach((r) => {
        if (r instanceof Y.Map) migrateRecord(r, migrations);
      });
    }
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION);
  }, 'migration');
  return true;
}
