import { isLanguage } from '@wcb/shared';
import type { SessionRecord } from './types';

/** A sessions-table row as both SQL adapters store it. */
export type SessionRow = {
  id: string;
  created_at: number;
  template: string | null;
  language: string | null;
  facilitator_hash: string | null;
  participant_hash: string | null;
  viewer_hash: string | null;
};

export function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    template: row.template,
    language: isLanguage(row.language) ? row.language : null,
    // All three or none: a half-set row (impossible through the adapters) opens nothing.
    tokenHashes:
      row.facilitator_hash && row.participant_hash && row.viewer_hash
        ? { facilitator: row.facilitator_hash, participant: row.participant_hash, viewer: row.viewer_hash }
        : null,
  };
}
