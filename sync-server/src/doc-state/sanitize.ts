/**
 * Stored state from before the update gate (update-guard.ts) may hold content that breaks every
 * later merge or encode (ContentJSON nested 10,000 deep stringifies nowhere). A room loads such
 * an update with the offending items' content replaced by deleted content of the same length:
 * every id, clock and neighbour stays, so peers that hold the original still converge, and the
 * room loads instead of answering 4500 forever. What was dropped is reported for the log.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { UPDATE_LIMITS, checkContent, type UpdateLimits } from './update-rules';
import { looksClean } from './struct-scan';

type Struct = Y.Item | Y.GC | Y.Skip;

export interface SanitizedUpdate {
  /** The update to load; null when it does not even decode (dropped whole). */
  readonly update: Uint8Array | null;
  /** One line per dropped item or update, for the log. */
  readonly problems: readonly string[];
}

export function sanitizeStored(update: Uint8Array, limits: UpdateLimits = UPDATE_LIMITS): SanitizedUpdate {
  // Almost every stored update is clean: a scan that builds nothing says so (decoding each of a
  // 10,000-update log made loads 10x slower).
  if (looksClean(update, limits.maxValueDepth, limits.maxStringLength)) return { update, problems: [] };
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return { update: null, problems: [`an update that does not decode was dropped (${describe(error)})`] };
  }
  const problems: string[] = [];
  const deleted: [number, number, number][] = [];
  for (const struct of decoded.structs as Struct[]) {
    // A shared type keeps its place whatever its kind: items inside it name it as their parent.
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentType) continue;
    try {
      checkContent(struct.content, limits);
    } catch (error) {
      const { client, clock } = struct.id;
      problems.push(`content at ${client}:${clock} dropped (${describe(error)})`);
      struct.content = new Y.ContentDeleted(struct.length);
      deleted.push([client, clock, struct.length]);
    }
  }
  if (problems.length === 0) return { update, problems };
  return { update: encodeStructs(decoded.structs as Struct[], decoded.ds, deleted), problems };
}

/** Stored updates with what the gate refuses dropped (sanitize.ts), and a line per drop. */
export function sanitizeAll(updates: readonly Uint8Array[]): { parts: Uint8Array[]; problems: string[] } {
  const parts: Uint8Array[] = [];
  const problems: string[] = [];
  for (const update of updates) {
    const clean = sanitizeStored(update);
    if (clean.update) parts.push(clean.update);
    problems.push(...clean.problems);
  }
  return { parts, problems };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Writes decoded structs and a delete set (plus `deleted`) back as a v1 update. */
function encodeStructs(structs: readonly Struct[], ds: ReturnType<typeof Y.decodeUpdate>['ds'], deleted: [number, number, number][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) byClient.set(struct.id.client, [...(byClient.get(struct.id.client) ?? []), struct]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
    for (const struct of list) struct.write(encoder as never, 0);
  }
  const ranges = new Map<number, [number, number][]>();
  for (const [client, items] of ds.clients) ranges.set(client, items.map(({ clock, len }) => [clock, len]));
  for (const [client, clock, len] of deleted) ranges.set(client, [...(ranges.get(client) ?? []), [clock, len]]);
  writeDeleteRanges(encoder, new Map([...ranges].map(([client, list]) => [client, mergeRanges(list)])));
  return encoder.toUint8Array();
}

/** A delete set as Yjs writes it: per client, its (clock, length) ranges, as given. */
export function writeDeleteRanges(encoder: Y.UpdateEncoderV1, ranges: ReadonlyMap<number, readonly (readonly [number, number])[]>): void {
  encoding.writeVarUint(encoder.restEncoder, ranges.size);
  for (const [client, list] of ranges) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, list.length);
    for (const [clock, len] of list) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
}

function mergeRanges(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [clock, len] of sorted) {
    const last = out.at(-1);
    if (last && last[0] + last[1] >= clock) last[1] = Math.max(last[1], clock + len - last[0]);
    else out.push([clock, len]);
  }
  return out;
}
