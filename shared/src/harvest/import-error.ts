import { importProblemText, type ImportAt, type ProblemCode, type ProblemParams } from './import-problems';

/** A place as the importers write it: `{ line }`, 'file', or any other string, which is a JSON path. */
export type Where = ImportAt | string;

const placeOf = (where: Where): ImportAt => (typeof where !== 'string' || where === 'file' ? where : { path: where });

/**
 * A broken import file. `code`, `params` and `at` let any interface say it in its own language
 * (importProblemText); `where` and `problem` are the English words, which the CLI, the server API
 * and `message` keep using ("phases[1].material.community[3]: expected text, found number").
 */
export class ImportError extends Error {
  readonly where: string;
  readonly problem: string;
  readonly code: ProblemCode;
  readonly params: ProblemParams;
  readonly at: ImportAt;

  constructor(problem: { code: ProblemCode; at: ImportAt; params?: ProblemParams });
  /** A problem outside the table (a caller's own check): every language shows these words as given. */
  constructor(where: string, problem: string);
  constructor(first: string | { code: ProblemCode; at: ImportAt; params?: ProblemParams }, text = '') {
    const init = typeof first === 'string' ? { code: 'other' as const, at: placeOf(first), params: { problem: text } } : first;
    const params = init.params ?? {};
    const english = importProblemText({ ...init, params }, 'en');
    super(`${english.where}: ${english.problem}`);
    this.name = 'ImportError';
    this.where = english.where;
    this.problem = english.problem;
    this.code = init.code;
    this.params = params;
    this.at = init.at;
  }
}

/** The error to throw for `code` at `where`: `throw importProblem('csv.unclosedQuote', { line })`. */
export const importProblem = (code: ProblemCode, where: Where, params: ProblemParams = {}): ImportError =>
  new ImportError({ code, at: placeOf(where), params });

export const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function needString(v: unknown, where: Where, opts: { allowEmpty?: boolean } = {}): string {
  if (typeof v !== 'string') throw importProblem('value.expectedText', where, { kind: kindOf(v) });
  if (!opts.allowEmpty && !v.trim()) throw importProblem('value.empty', where);
  return v;
}

export function needArray(v: unknown, where: Where): unknown[] {
  if (!Array.isArray(v)) throw importProblem('value.expectedList', where, { kind: kindOf(v) });
  return v;
}

export function needRecord(v: unknown, where: Where): Record<string, unknown> {
  if (!isRecord(v)) throw importProblem('value.expectedObject', where, { kind: kindOf(v) });
  return v;
}

/** A key of the value-kind words in import-problems.ts; anything JSON cannot hold stays its typeof. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  if (v === undefined) return 'nothing';
  return typeof v;
}
