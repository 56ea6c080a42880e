/** A broken import file: `where` names the line or field ("phases[1].material.community[3]", "line 12"). */
export class ImportError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'ImportError';
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function needString(v: unknown, where: string, opts: { allowEmpty?: boolean } = {}): string {
  if (typeof v !== 'string') throw new ImportError(where, `expected text, found ${describe(v)}`);
  if (!opts.allowEmpty && !v.trim()) throw new ImportError(where, 'is empty');
  return v;
}

export function needArray(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ImportError(where, `expected a list, found ${describe(v)}`);
  return v;
}

export function needRecord(v: unknown, where: string): Record<string, unknown> {
  if (!isRecord(v)) throw new ImportError(where, `expected an object, found ${describe(v)}`);
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (v === undefined) return 'nothing';
  return typeof v;
}
