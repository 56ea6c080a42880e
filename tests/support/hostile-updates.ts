/**
 * Structure-aware hostile input: Yjs updates and awareness states that decode as valid
 * encodings yet carry content the board never writes, or content that breaks a later merge,
 * encode, delete or JSON.stringify (deep nesting, huge strings and clocks, many clients,
 * deletes of unknown ranges, shared types in impossible places). Each generator returns bytes
 * exactly as an attacker would send them; the encoders are written by hand where Yjs's own
 * writers would refuse (or overflow the stack on) what an attacker can still put on the wire.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { writeDeleteRanges } from '../../sync-server/src/doc-state/sanitize';

/** Item content as Y.Item.write needs it; RawContent writes bytes Yjs's classes would not. */
interface WritableContent {
  getRef(): number;
  getLength(): number;
  isCountable(): boolean;
  write(encoder: Y.UpdateEncoderV1, offset: number): void;
}

class RawContent implements WritableContent {
  constructor(
    private readonly ref: number,
    private readonly writeBody: (encoder: Y.UpdateEncoderV1) => void,
    private readonly length = 1,
  ) {}
  getRef = (): number => this.ref;
  getLength = (): number => this.length;
  isCountable = (): boolean => true;
  write = (encoder: Y.UpdateEncoderV1): void => this.writeBody(encoder);
}

export interface ItemSpec {
  readonly content: WritableContent;
  /** A root type's name or a shared type's item id; ignored when origin or rightOrigin is set. */
  readonly parent?: string | Y.ID;
  readonly parentSub?: string;
  readonly origin?: Y.ID;
  readonly rightOrigin?: Y.ID;
}

export interface ClientStructs {
  readonly client: number;
  /** Clock of the first item; the rest follow contiguously. */
  readonly clock: number;
  readonly items: readonly ItemSpec[];
}

/** Encodes structs and a delete set as a Yjs v1 update, whatever they contain. */
export function encodeUpdate(clients: readonly ClientStructs[], deletes: readonly [number, number, number][] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const { client, clock, items } of clients) {
    encoding.writeVarUint(encoder.restEncoder, items.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, clock);
    let at = clock;
    for (const spec of items) {
      const parent = spec.origin || spec.rightOrigin ? null : (spec.parent ?? 'notes');
      const item = new Y.Item(
        Y.createID(client, at),
        null,
        spec.origin ?? null,
        null,
        spec.rightOrigin ?? null,
        parent as never,
        spec.parentSub ?? null,
        spec.content as never,
      );
      item.write(encoder as never, 0);
      at += spec.content.getLength();
    }
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of deletes) byClient.set(client, [...(byClient.get(client) ?? []), [clock, len]]);
  writeDeleteRanges(encoder, byClient); // as given: hostile ranges are not merged first
  return encoder.toUint8Array();
}

/* Content kinds (Yjs content refs: 2 JSON, 3 binary, 4 string, 5 embed, 6 format, 7 type, 8 any, 9 doc). */

export const jsonContent = (json: string): WritableContent =>
  new RawContent(2, (e) => {
    e.writeLen(1);
    e.writeString(json);
  });

/** ContentAny whose value is written as raw lib0 "any" bytes. */
export const anyContent = (writeValue: (e: encoding.Encoder) => void): WritableContent =>
  new RawContent(8, (e) => {
    e.writeLen(1);
    writeValue(e.restEncoder);
  });

export const stringContent = (text: string): WritableContent => new Y.ContentString(text) as unknown as WritableContent;
export const binaryContent = (): WritableContent => new Y.ContentBinary(new Uint8Array([1, 2, 3])) as unknown as WritableContent;
export const embedContent = (): WritableContent => new Y.ContentEmbed({ image: 'x' }) as unknown as WritableContent;
export const formatContent = (): WritableContent => new Y.ContentFormat('bold', true) as unknown as WritableContent;
export const docContent = (): WritableContent => new Y.ContentDoc(new Y.Doc()) as unknown as WritableContent;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every shared type, whatever its event type
export const typeContent = (type: Y.AbstractType<any>): WritableContent => new Y.ContentType(type) as unknown as WritableContent;
export const mapContent = (): WritableContent => typeContent(new Y.Map());
export const plainAny = (value: unknown): WritableContent => new Y.ContentAny([value]) as unknown as WritableContent;

/** A JSON array nested `depth` deep: "[[[…]]]". */
export const deepJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** lib0 "any": an array nested `depth` deep around null, written without recursion. */
export const deepAnyValue =
  (depth: number) =>
  (e: encoding.Encoder): void => {
    for (let i = 0; i < depth; i++) {
      encoding.writeUint8(e, 117); // array
      encoding.writeVarUint(e, 1);
    }
    encoding.writeUint8(e, 126); // null
  };

/** lib0 "any": an object whose one key is "__proto__". */
export const protoKeyValue = (e: encoding.Encoder): void => {
  encoding.writeUint8(e, 118); // object
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, '__proto__');
  encoding.writeUint8(e, 118);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, 'polluted');
  encoding.writeUint8(e, 120); // true
};

export const bigintValue = (e: encoding.Encoder): void => {
  encoding.writeUint8(e, 122);
  encoding.writeBigInt64(e, 2n ** 62n);
};

export const nanValue = (e: encoding.Encoder): void => {
  encoding.writeUint8(e, 123);
  encoding.writeFloat64(e, Number.NaN);
};

/** `count` garbage-collected structs of one clock each: 2 bytes apiece, seconds for Yjs to decode. */
export function manyStructs(client: number, count: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, count);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, 0);
  for (let i = 0; i < count; i++) {
    encoder.writeInfo(0);
    encoder.writeLen(1);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

const one = (client: number, spec: ItemSpec, clock = 0): Uint8Array => encodeUpdate([{ client, clock, items: [spec] }]);

/** `levels` maps, each inside the one before, the first in root "notes": one update. */
export function nestedMaps(client: number, levels: number, clock = 0, under?: Y.ID): Uint8Array {
  const items: ItemSpec[] = [];
  for (let i = 0; i < levels; i++) {
    const parent = i === 0 ? (under ?? 'notes') : Y.createID(client, clock + i - 1);
    items.push({ content: mapContent(), parent, parentSub: `k${i}` });
  }
  return encodeUpdate([{ client, clock, items }]);
}

export interface HostileUpdate {
  readonly name: string;
  readonly update: Uint8Array;
  /** The client id whose content must never be stored. */
  readonly client: number;
}

/** One of every family, each from its own client id (so "nothing of it is stored" can be checked). */
export function hostileUpdates(firstClient = 7_000_000): HostileUpdate[] {
  let client = firstClient;
  const make = (name: string, build: (c: number) => Uint8Array): HostileUpdate => {
    const c = client++;
    return { name, update: build(c), client: c };
  };
  return [
    make('ContentJSON nested 10,000 deep', (c) => one(c, { content: jsonContent(deepJson(10_000)), parentSub: 'x' })),
    make('ContentJSON of any shape (never written)', (c) => one(c, { content: jsonContent('{"a":1}'), parentSub: 'x' })),
    make('ContentAny nested 3,000 deep', (c) => one(c, { content: anyContent(deepAnyValue(3_000)), parentSub: 'x' })),
    make('ContentAny nested 17 deep', (c) => one(c, { content: anyContent(deepAnyValue(17)), parentSub: 'x' })),
    make('an object key "__proto__"', (c) => one(c, { content: anyContent(protoKeyValue), parentSub: 'x' })),
    make('a bigint', (c) => one(c, { content: anyContent(bigintValue), parentSub: 'x' })),
    make('NaN', (c) => one(c, { content: anyContent(nanValue), parentSub: 'x' })),
    make('binary content', (c) => one(c, { content: binaryContent(), parentSub: 'x' })),
    make('an embed', (c) => one(c, { content: embedContent(), parent: 'cell:r:c' })),
    make('a format mark', (c) => one(c, { content: formatContent(), parent: 'cell:r:c' })),
    make('a subdocument', (c) => one(c, { content: docContent(), parentSub: 'x' })),
    make('an XML fragment', (c) => one(c, { content: typeContent(new Y.XmlFragment()), parentSub: 'x' })),
    make('a Y.XmlText (a Y.Text subclass)', (c) => one(c, { content: typeContent(new Y.XmlText()), parentSub: 'x' })),
    make('a Y.Array', (c) => one(c, { content: typeContent(new Y.Array()), parentSub: 'x' })),
    make('a 200,000-character text run', (c) => one(c, { content: stringContent('x'.repeat(200_000)), parent: 'cell:r:c' })),
    make('a 200,000-character string value', (c) => one(c, { content: plainAny('y'.repeat(200_000)), parentSub: 'x' })),
    make('a 200,000-character map key', (c) => one(c, { content: plainAny(1), parentSub: 'k'.repeat(200_000) })),
    make('a 200,000-character root name', (c) => one(c, { content: plainAny(1), parent: 'r'.repeat(200_000), parentSub: 'x' })),
    make('a client id past 2^32', () => one(2 ** 40, { content: plainAny(1), parentSub: 'x' })),
    make('a clock past 2^32', (c) => one(c, { content: plainAny(1), parentSub: 'x' }, 2 ** 40)),
    make('a delete of a range past 2^32', (c) => encodeUpdate([{ client: c, clock: 0, items: [{ content: plainAny(1), parentSub: 'x' }] }], [[c + 1, 2 ** 45, 10]])),
    make('10,001 clients', (c) => {
      const clients = Array.from({ length: 10_001 }, (_, i) => ({ client: 100_000 + i, clock: 0, items: [{ content: plainAny(i), parentSub: `x${i}` }] }));
      return encodeUpdate([{ client: c, clock: 0, items: [{ content: plainAny(0), parentSub: 'first' }] }, ...clients]);
    }),
    make('1,500,000 one-byte structs (3 MB, seconds of decoding)', (c) => manyStructs(c, 1_500_000)),
    make('maps nested 20 deep in one update', (c) => nestedMaps(c, 20)),
    make('maps nested 10,000 deep in one update', (c) => nestedMaps(c, 10_000)),
    make('a map under a value that is not a shared type', (c) =>
      encodeUpdate([{ client: c, clock: 0, items: [{ content: plainAny(1), parentSub: 'v' }, { content: mapContent(), parent: Y.createID(c, 0), parentSub: 'm' }] }]),
    ),
    make('a map placed beside an item the room does not hold', (c) => one(c, { content: mapContent(), origin: Y.createID(c + 1, 5) })),
  ];
}

/** A random hostile update for the seeded fuzz: a family, then random sizes within it. */
export function randomHostileUpdate(gen: prng.PRNG, client: number): Uint8Array {
  const depth = prng.uint32(gen, 17, 4_000);
  switch (prng.uint32(gen, 0, 7)) {
    case 0:
      return one(client, { content: jsonContent(deepJson(depth)), parentSub: prng.word(gen, 1, 8) });
    case 1:
      return one(client, { content: anyContent(deepAnyValue(depth)), parentSub: prng.word(gen, 1, 8) });
    case 2:
      return nestedMaps(client, prng.uint32(gen, 9, 200));
    case 3:
      return one(client, { content: stringContent('z'.repeat(prng.uint32(gen, 100_001, 300_000))), parent: 'cell:a:b' });
    case 4:
      return one(client, { content: plainAny(1), parentSub: 'x' }, 2 ** 32 + prng.uint32(gen, 1, 2 ** 30) * prng.uint32(gen, 1, 2 ** 20));
    case 5:
      return one(client, { content: prng.oneOf(gen, [binaryContent, embedContent, formatContent, docContent])(), parentSub: 'x' });
    case 6:
      return one(client, { content: typeContent(prng.oneOf(gen, [new Y.XmlText(), new Y.XmlElement('p'), new Y.Array()])), parentSub: 'x' });
    default:
      return one(client, { content: anyContent(prng.oneOf(gen, [protoKeyValue, bigintValue, nanValue])), parentSub: 'x' });
  }
}

/* Awareness. */

/** An awareness update of (clientId, clock, raw JSON text) entries, as bytes on the wire. */
export function awarenessUpdate(entries: readonly [number, number, string][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

export function hostileAwareness(client: number): { name: string; update: Uint8Array }[] {
  return [
    { name: 'a state nested 10,000 deep', update: awarenessUpdate([[client, 1, `{"a":${deepJson(10_000)}}`]]) },
    { name: 'a state nested 9 deep', update: awarenessUpdate([[client, 1, `{"a":${deepJson(8)}}`]]) },
    { name: 'a 1 MB state', update: awarenessUpdate([[client, 1, JSON.stringify({ name: 'n'.repeat(1_000_000) })]]) },
    { name: 'a state that is an array', update: awarenessUpdate([[client, 1, '[1,2]']]) },
    { name: 'a state that is not JSON', update: awarenessUpdate([[client, 1, '{"a":']]) },
    { name: 'a client id past 2^32', update: awarenessUpdate([[2 ** 40, 1, '{}']]) },
    { name: '17 states in one message', update: awarenessUpdate(Array.from({ length: 17 }, (_, i) => [client + i, 1, '{}'] as [number, number, string])) },
  ];
}
