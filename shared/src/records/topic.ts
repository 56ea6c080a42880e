import { cleanText, num, str, type Migration, type RecordMap } from './common';

export const MAX_LABEL = 200;

/** A topic is a column of the board, e.g. "interaction of NGOs with government". */
export type Topic = { id: string; label: string; order: number };

export const topicMigrations: readonly Migration[] = [
  {
    id: 'topic/001-baseline-fields',
    version: 1,
    up(record) {
      if (typeof record.get('label') !== 'string') record.set('label', '');
      if (typeof record.get('order') !== 'number') record.set('order', 0);
    },
  },
];

export function readTopic(id: string, record: RecordMap): Topic {
  return { id, label: cleanText(str(record.get('label')), MAX_LABEL), order: num(record.get('order')) };
}
