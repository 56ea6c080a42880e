import { cleanText, num, str, type Migration, type RecordMap } from './common';

// A table's name is a word or two on a tent card.
export const MAX_TABLE_NAME = 80;

/** A physical table of the café (often one shared laptop). */
export type Table = { id: string; name: string; order: number };

export const tableMigrations: readonly Migration[] = [
  {
    id: 'table/001-baseline-fields',
    version: 1,
    up(record) {
      if (typeof record.get('name') !== 'string') record.set('name', '');
      if (typeof record.get('order') !== 'number') record.set('order', 0);
    },
  },
];

export function readTable(id: string, record: RecordMap): Table {
  return { id, name: cleanText(str(record.get('name')), MAX_TABLE_NAME), order: num(record.get('order')) };
}
