/**
 * What a stored Yjs update may contain (PROTOCOL.md, "Update rules"). Y.decodeUpdate only
 * parses; content that parses can still make every later merge, diff, encode or load throw
 * (JSON nested 10,000 deep decodes, but does not encode again). So every item's content is
 * checked against what the model writes before a room accepts it.
 */
import * as Y from 'yjs';

export interface UpdateLimits {
  /** Nesting of JSON values (arrays, objects) inside one item. */
  readonly maxValueDepth: number;
  /** Nesting of shared types (a map in a map in a root type). */
  readonly maxTypeDepth: number;
  /** UTF-16 units of one string (text run, JSON string, map key, root name). */
  readonly maxStringLength: number;
  /** Array elements and object keys in one JSON value, counted together. */
  readonly maxValueNodes: number;
  /** Distinct client ids in one update (structs and deletes). */
  readonly maxClients: number;
  /** Highest clock (plus length) a struct or delete may reach. */
  readonly maxClock: number;
  /** Highest client id: Yjs draws them as unsigned 32-bit numbers. */
  readonly maxClientId: number;
  /** Structs (items, GC, skips) in one update. */
  readonly maxStructs: number;
}

export const UPDATE_LIMITS: UpdateLimits = {
  // The model's deepest value is a control-state object holding arrays of ids (depth 3).
  maxValueDepth: 16,
  // The model nests two deep (root map → record map → text); room to grow, never a stack overflow.
  maxTypeDepth: 8,
  // Notes hold 2,000 characters; a long pasted answer or a whole typed paragraph fits 50 times.
  maxStringLength: 100_000,
  // A control value (a rotation plan, a selection) has tens of elements.
  maxValueNodes: 10_000,
  // Every page load is a new client id: a busy phase sees hundreds, not thousands, in one sync.
  maxClients: 10_000,
  // A client would have to type four billion characters to get there; past 2^53 clocks lose precision.
  maxClock: 2 ** 32,
  maxClientId: 2 ** 32 - 1,
  // A 5,000-note phase is 70,000 structs; decoding costs ~3 µs a struct, so this bounds one message to under a second.
  maxStructs: 200_000,
};

/** Thrown for an update a room must not hold; the room closes its sender with 1007. */
export class InvalidUpdate extends Error {
  override readonly name: string = 'InvalidUpdate';
}

/**
 * A control-room update that would leave a record malformed (control-guard.ts): an update the
 * room must not hold, told apart so the close names the reason.
 */
export class InvalidRecord extends InvalidUpdate {
  override readonly name = 'InvalidRecord';
}

/** The product writes maps and texts only (ARCHITECTURE.md, "Record layout"). */
export function isAllowedType(type: unknown): boolean {
  // By constructor: Y.XmlText extends Y.Text, but the board never writes XML.
  const kind = (type as { constructor?: unknown } | null)?.constructor;
  return kind === Y.Map || kind === Y.Text;
}

/**
 * Throws InvalidUpdate unless `content` is a kind the model writes, within the limits. A
 * ContentType's nesting is checked by the caller, which knows the parent.
 */
export function checkContent(content: unknown, limits: UpdateLimits): void {
  if (content instanceof Y.ContentDeleted) return;
  if (content instanceof Y.ContentString) return checkString(content.str, limits, 'text');
  if (content instanceof Y.ContentAny) {
    for (const value of content.arr) checkValue(value, limits);
    return;
  }
  if (content instanceof Y.ContentType) {
    if (!isAllowedType(content.type)) throw new InvalidUpdate('shared type of a kind the board never writes');
    return;
  }
  const kind = (content as { constructor?: { name?: string } }).constructor?.name ?? typeof content;
  throw new InvalidUpdate(`content of a kind the board never writes (${kind})`);
}

export function checkString(value: string, limits: UpdateLimits, what: string): void {
  if (value.length > limits.maxStringLength) throw new InvalidUpdate(`${what} longer than ${limits.maxStringLength}`);
}

/**
 * A JSON value as the model writes it: null, booleans, finite numbers, bounded strings, arrays
 * and plain objects, within the depth and size limits. Iterative, so depth cannot overflow the
 * stack here; undefined is what Yjs writes for a deleted map value.
 */
export function checkValue(root: unknown, limits: UpdateLimits): void {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || value === undefined || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new InvalidUpdate('number that is not finite');
      continue;
    }
    if (typeof value === 'string') {
      checkString(value, limits, 'string value');
      continue;
    }
    if (typeof value !== 'object') throw new InvalidUpdate(`value of type ${typeof value}`);
    if (depth >= limits.maxValueDepth) throw new InvalidUpdate(`value nested deeper than ${limits.maxValueDepth}`);
    const children = childrenOf(value);
    nodes += children.length;
    if (nodes > limits.maxValueNodes) throw new InvalidUpdate(`value with more than ${limits.maxValueNodes} parts`);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
}

function childrenOf(value: object): unknown[] {
  if (Array.isArray(value)) return value;
  // lib0 decodes an object key "__proto__" as a prototype: such a value re-encodes differently.
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new InvalidUpdate('value that is not a plain object');
  return Object.entries(value).flatMap(([key, child]) => {
    if (key.length > 1024) throw new InvalidUpdate('object key longer than 1024');
    return [child];
  });
}
