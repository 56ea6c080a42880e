import type { Database } from 'better-sqlite3';

export type WriteResult = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export interface GroupWriter {
  submit(op: Record<string, unknown> & { id: number; op: string }): void;
  flush(): void;
}

export function groupWriter(db: Database, deliver: (results: WriteResult[]) => void): GroupWriter;
