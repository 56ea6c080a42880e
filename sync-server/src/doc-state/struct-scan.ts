/**
 * Counts the structs of a Yjs v1 update without building them. Y.decodeUpdate allocates an
 * object per struct and takes seconds for a 3 MB update of 1.5 million one-byte structs: one
 * message would stall every room of the process. This scan reads the same bytes with lib0's
 * primitives (no allocation per struct), refuses past `maxStructs` at once, and refuses JSON
 * values nested past `maxDepth` before lib0's unbounded recursion could meet them. Layout:
 * Yjs's UpdateDecoderV1 and readStructs.
 */
import * as decoding from 'lib0/decoding';
import { InvalidUpdate } from './update-rules';

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;
// Type refs whose ContentType also carries a key (an XML element's name, a hook's name).
const XML_ELEMENT = 3;
const XML_HOOK = 5;
// The shared types the board writes: Y.Map and Y.Text.
const Y_MAP = 1;
const Y_TEXT = 2;
// Content refs the board writes: deleted, string, type, any.
const CLEAN_REFS = new Set([1, 4, 7, 8]);

/** Set for the duration of one synchronous scan: null counts only, a number also checks content. */
let rules: number | null = null;

const suspect = (what: string): never => {
  throw new InvalidUpdate(what);
};

/** Number of structs in `update` (GC, skip and item); throws InvalidUpdate past `maxStructs`. */
export function countStructs(update: Uint8Array, maxStructs: number, maxDepth: number): number {
  return scan(update, maxStructs, maxDepth, null);
}

/**
 * Whether every item of `update` obviously keeps the update rules, read without decoding: only
 * allowed content kinds, strings of at most `maxStringBytes` UTF-8 bytes (so as many UTF-16
 * units at most), finite numbers, no bigint, bytes or "__proto__" key. False means "decode and
 * look" (sanitize.ts), not "hostile": a long Cyrillic string may still be within the limit.
 */
export function looksClean(update: Uint8Array, maxDepth: number, maxStringBytes: number): boolean {
  try {
    scan(update, Infinity, maxDepth, maxStringBytes);
    return true;
  } catch {
    return false;
  }
}

function scan(update: Uint8Array, maxStructs: number, maxDepth: number, strict: number | null): number {
  rules = strict;
  const decoder = decoding.createDecoder(update);
  let total = 0;
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(decoder);
    total += structs;
    if (total > maxStructs) throw new InvalidUpdate(`more than ${maxStructs} structs in one update`);
    decoding.readVarUint(decoder); // client
    decoding.readVarUint(decoder); // clock
    for (let i = 0; i < structs; i++) skipStruct(decoder, maxDepth);
  }
  return total;
}

function skipStruct(decoder: decoding.Decoder, maxDepth: number): void {
  const info = decoding.readUint8(decoder);
  const ref = info & BITS5;
  if (ref === 0 || ref === 10) return void decoding.readVarUint(decoder); // GC, Skip: a length
  if (info & BIT8) skipId(decoder);
  if (info & BIT7) skipId(decoder);
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1) skipBytes(decoder); // root type name
    else skipId(decoder);
    if (info & BIT6) skipBytes(decoder); // map key
  }
  if (rules !== null && !CLEAN_REFS.has(ref)) suspect(`content ref ${ref}`);
  skipContent(decoder, ref, maxDepth);
}

function skipContent(decoder: decoding.Decoder, ref: number, maxDepth: number): void {
  switch (ref) {
    case 1: // deleted: a length
      return void decoding.readVarUint(decoder);
    case 2: // JSON: n strings
      for (let n = decoding.readVarUint(decoder); n > 0; n--) skipBytes(decoder);
      return;
    case 3: // binary
    case 4: // string
    case 5: // embed (JSON text)
      return skipBytes(decoder);
    case 6: // format: key, JSON text
      skipBytes(decoder);
      return skipBytes(decoder);
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (rules !== null && typeRef !== Y_MAP && typeRef !== Y_TEXT) suspect(`type ref ${typeRef}`);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) skipBytes(decoder);
      return;
    }
    case 8: // any: n values
      for (let n = decoding.readVarUint(decoder); n > 0; n--) skipAny(decoder, maxDepth);
      return;
    case 9: // subdocument: guid, options
      skipBytes(decoder);
      return skipAny(decoder, maxDepth);
    default:
      throw new InvalidUpdate(`unknown content ref ${ref}`);
  }
}

const skipId = (decoder: decoding.Decoder): void => {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
};

/** A varUint length, then that many bytes (strings, buffers); bounds-checked by the view. */
const skipBytes = (decoder: decoding.Decoder): void => {
  const length = decoding.readVarUint(decoder);
  if (rules !== null && length > rules) suspect('a long string');
  decoding.readUint8Array(decoder, length);
};

const finite = (value: number): void => {
  if (rules !== null && !Number.isFinite(value)) suspect('a number that is not finite');
};

/**
 * One lib0 "any" value. Recursive, but refused past `maxDepth` levels, so the stack stays
 * shallow whatever the bytes say (lib0's own readAny recurses without a bound).
 */
function skipAny(decoder: decoding.Decoder, maxDepth: number, depth = 0): void {
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      return void decoding.readVarInt(decoder);
    case 124:
      return finite(decoding.readFloat32(decoder));
    case 123:
      return finite(decoding.readFloat64(decoder));
    case 122: // bigint
    case 116: // Uint8Array
      if (rules !== null) suspect(`value type ${type}`);
      return void (type === 122 ? decoding.readUint8Array(decoder, 8) : skipBytes(decoder));
    case 119: // string
      return skipBytes(decoder);
    case 118: // object: key, value pairs
    case 117: {
      // array: values
      if (depth >= maxDepth) throw new InvalidUpdate(`value nested deeper than ${maxDepth}`);
      for (let n = decoding.readVarUint(decoder); n > 0; n--) {
        if (type === 118 && rules === null) skipBytes(decoder);
        else if (type === 118) {
          const key = decoding.readVarString(decoder);
          if (key === '__proto__' || key.length > 1024) suspect('an object key the rules refuse');
        }
        skipAny(decoder, maxDepth, depth + 1);
      }
      return;
    }
    default:
      throw new InvalidUpdate(`unknown value type ${type}`);
  }
}
