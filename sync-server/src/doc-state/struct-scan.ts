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

const suspect = (what: string): never => {
  throw new InvalidUpdate(what);
};

/** Number of structs in `update` (GC, skip and item); throws InvalidUpdate past `maxStructs`. */
export function countStructs(update: Uint8Array, maxStructs: number, maxDepth: number): number {
  return new StructScan(update, maxDepth, null).count(maxStructs);
}

/**
 * Whether every item of `update` obviously keeps the update rules, read without decoding: only
 * allowed content kinds, strings of at most `maxStringBytes` UTF-8 bytes (so as many UTF-16
 * units at most), finite numbers, no bigint, bytes or "__proto__" key. False means "decode and
 * look" (sanitize.ts), not "hostile": a long Cyrillic string may still be within the limit.
 */
export function looksClean(update: Uint8Array, maxDepth: number, maxStringBytes: number): boolean {
  try {
    new StructScan(update, maxDepth, maxStringBytes).count(Infinity);
    return true;
  } catch {
    return false;
  }
}

/** One pass over an update. `strict` null counts only; a number also checks content, strings up to that many bytes. */
class StructScan {
  private readonly decoder: decoding.Decoder;

  constructor(
    update: Uint8Array,
    private readonly maxDepth: number,
    private readonly strict: number | null,
  ) {
    this.decoder = decoding.createDecoder(update);
  }

  count(maxStructs: number): number {
    const decoder = this.decoder;
    let total = 0;
    const clients = decoding.readVarUint(decoder);
    for (let c = 0; c < clients; c++) {
      const structs = decoding.readVarUint(decoder);
      total += structs;
      if (total > maxStructs) throw new InvalidUpdate(`more than ${maxStructs} structs in one update`);
      decoding.readVarUint(decoder); // client
      decoding.readVarUint(decoder); // clock
      for (let i = 0; i < structs; i++) this.skipStruct();
    }
    return total;
  }

  private skipStruct(): void {
    const decoder = this.decoder;
    const info = decoding.readUint8(decoder);
    const ref = info & BITS5;
    if (ref === 0 || ref === 10) return void decoding.readVarUint(decoder); // GC, Skip: a length
    if (info & BIT8) this.skipId();
    if (info & BIT7) this.skipId();
    if ((info & (BIT7 | BIT8)) === 0) {
      if (decoding.readVarUint(decoder) === 1) this.skipBytes(); // root type name
      else this.skipId();
      if (info & BIT6) this.skipBytes(); // map key
    }
    if (this.strict !== null && !CLEAN_REFS.has(ref)) suspect(`content ref ${ref}`);
    this.skipContent(ref);
  }

  private skipContent(ref: number): void {
    const decoder = this.decoder;
    switch (ref) {
      case 1: // deleted: a length
        return void decoding.readVarUint(decoder);
      case 2: // JSON: n strings
        for (let n = decoding.readVarUint(decoder); n > 0; n--) this.skipBytes();
        return;
      case 3: // binary
      case 4: // string
      case 5: // embed (JSON text)
        return this.skipBytes();
      case 6: // format: key, JSON text
        this.skipBytes();
        return this.skipBytes();
      case 7: {
        const typeRef = decoding.readVarUint(decoder);
        if (this.strict !== null && typeRef !== Y_MAP && typeRef !== Y_TEXT) suspect(`type ref ${typeRef}`);
        if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) this.skipBytes();
        return;
      }
      case 8: // any: n values
        for (let n = decoding.readVarUint(decoder); n > 0; n--) this.skipAny(0);
        return;
      case 9: // subdocument: guid, options
        this.skipBytes();
        return this.skipAny(0);
      default:
        throw new InvalidUpdate(`unknown content ref ${ref}`);
    }
  }

  private skipId(): void {
    decoding.readVarUint(this.decoder);
    decoding.readVarUint(this.decoder);
  }

  /** A varUint length, then that many bytes (strings, buffers); bounds-checked by the view. */
  private skipBytes(): void {
    const length = decoding.readVarUint(this.decoder);
    if (this.strict !== null && length > this.strict) suspect('a long string');
    decoding.readUint8Array(this.decoder, length);
  }

  private finite(value: number): void {
    if (this.strict !== null && !Number.isFinite(value)) suspect('a number that is not finite');
  }

  /**
   * One lib0 "any" value. Recursive, but refused past `maxDepth` levels, so the stack stays
   * shallow whatever the bytes say (lib0's own readAny recurses without a bound).
   */
  private skipAny(depth: number): void {
    const decoder = this.decoder;
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
        return this.finite(decoding.readFloat32(decoder));
      case 123:
        return this.finite(decoding.readFloat64(decoder));
      case 122: // bigint
      case 116: // Uint8Array
        if (this.strict !== null) suspect(`value type ${type}`);
        return void (type === 122 ? decoding.readUint8Array(decoder, 8) : this.skipBytes());
      case 119: // string
        return this.skipBytes();
      case 118: // object: key, value pairs
      case 117: // array: values
        return this.skipCollection(type === 118, depth);
      default:
        throw new InvalidUpdate(`unknown value type ${type}`);
    }
  }

  private skipCollection(keyed: boolean, depth: number): void {
    if (depth >= this.maxDepth) throw new InvalidUpdate(`value nested deeper than ${this.maxDepth}`);
    for (let n = decoding.readVarUint(this.decoder); n > 0; n--) {
      if (keyed && this.strict === null) this.skipBytes();
      else if (keyed) {
        const key = decoding.readVarString(this.decoder);
        if (key === '__proto__' || key.length > 1024) suspect('an object key the rules refuse');
      }
      this.skipAny(depth + 1);
    }
  }
}
