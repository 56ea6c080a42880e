import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { MessageType, READ_ONLY_REASON, SyncStep } from '@wcb/shared/wire';
import { ProtocolError, handleMessage, type ProtocolContext } from '../../sync-server/src/protocol';
import { EncodedDoc } from '../../sync-server/src/doc-state/encoded-doc';
import { LiveDoc } from '../../sync-server/src/doc-state/live-doc';
import type { DocState } from '../../sync-server/src/doc-state/types';

const KINDS = [
  ['a Y.Doc', () => new LiveDoc()],
  ['an encoded state', () => new EncodedDoc()],
] as const satisfies readonly (readonly [string, () => DocState])[];

/** A server-side context over a fresh doc; `writable` can be flipped between messages. */
function contextOf(
  writable = true,
  makeDoc: () => DocState = () => new LiveDoc(),
): ProtocolContext & { doc: DocState; awareness: Awareness; writable: boolean } {
  const doc = makeDoc();
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const ctx = {
    doc,
    awareness,
    origin: Symbol('peer'),
    writable,
    canWrite: () => ctx.writable,
  };
  return ctx;
}

const message = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const syncUpdate = (update: Uint8Array): Uint8Array =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeUpdate(e, update);
  });

function peerUpdate(): Uint8Array {
  const peer = new Y.Doc();
  peer.getText('note').insert(0, 'from a peer');
  return Y.encodeStateAsUpdate(peer);
}

function expectProtocolError(run: () => unknown, kind: ProtocolError['kind'], closeCode: number): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).kind).toBe(kind);
    expect((error as ProtocolError).closeCode).toBe(closeCode);
    return;
  }
  throw new Error('expected a ProtocolError');
}

/** What the server holds, as a Y.Doc to read. */
function contentOf(state: DocState): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state.diff());
  return doc;
}

describe.each(KINDS)('sync messages over %s', (_kind, makeDoc) => {
  const context = (writable = true) => contextOf(writable, makeDoc);

  it('answers sync step 1 with a step 2 holding exactly what the peer is missing', () => {
    const ctx = context();
    const server = new Y.Doc();
    server.getText('note').insert(0, 'server state');
    ctx.doc.apply(Y.encodeStateAsUpdate(server), 'setup');
    const peer = new Y.Doc();
    const step1 = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep1(e, peer);
    });

    const reply = handleMessage(step1, ctx);

    expect(reply).not.toBeNull();
    const decoder = decoding.createDecoder(reply as Uint8Array);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Sync);
    expect(decoding.readVarUint(decoder)).toBe(SyncStep.Step2);
    Y.applyUpdate(peer, decoding.readVarUint8Array(decoder));
    expect(peer.getText('note').toString()).toBe('server state');
  });

  it("applies a writable peer's update with the peer as transaction origin, and sends no reply", () => {
    const ctx = context();
    const origins: unknown[] = [];
    ctx.doc.onUpdate((_update: Uint8Array, origin: unknown) => origins.push(origin));

    expect(handleMessage(syncUpdate(peerUpdate()), ctx)).toBeNull();

    expect(contentOf(ctx.doc).getText('note').toString()).toBe('from a peer');
    expect(origins).toEqual([ctx.origin]);
  });

  it('emits nothing for content it already holds', () => {
    const ctx = context();
    const update = peerUpdate();
    handleMessage(syncUpdate(update), ctx);
    const origins: unknown[] = [];
    ctx.doc.onUpdate((_update: Uint8Array, origin: unknown) => origins.push(origin));

    handleMessage(syncUpdate(update), ctx);

    expect(origins).toEqual([]);
  });

  it('throws ProtocolError (1007) for an update that does not decode, and keeps its state', () => {
    const ctx = context();
    handleMessage(syncUpdate(peerUpdate()), ctx);
    const truncated = peerUpdate().slice(0, 9);
    expectProtocolError(() => handleMessage(syncUpdate(truncated), ctx), 'malformed-message', 1007);
    expect(contentOf(ctx.doc).getText('note').toString()).toBe('from a peer');
  });

  it.each([
    ['an update', SyncStep.Update],
    ['a sync step 2', SyncStep.Step2],
  ])('drops %s from a peer that may not write, leaving the doc unchanged', (_label, step) => {
    const ctx = context(false);
    const before = ctx.doc.stateVector();
    const msg = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, peerUpdate());
    });

    expect(handleMessage(msg, ctx)).toBeNull();

    expect(contentOf(ctx.doc).getText('note').toString()).toBe('');
    expect(ctx.doc.stateVector()).toEqual(before);
  });

  it('asks canWrite for every message, so revoking write access takes effect at once', () => {
    const ctx = context(true);
    handleMessage(syncUpdate(peerUpdate()), ctx);
    ctx.writable = false;
    const later = new Y.Doc();
    later.getMap('m').set('k', 'v');
    handleMessage(syncUpdate(Y.encodeStateAsUpdate(later)), ctx);
    expect(contentOf(ctx.doc).getMap('m').size).toBe(0);
  });

  it('answers a refused write with a permission-denied auth message when writeDenied says so', () => {
    const asked: number[] = [];
    const ctx: ProtocolContext = { ...context(false), writeDenied: (step) => (asked.push(step), step === SyncStep.Update) };
    const step2 = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep2(e, (() => {
        const peer = new Y.Doc();
        peer.getText('note').insert(0, 'offline');
        return peer;
      })());
    });

    expect(handleMessage(step2, ctx)).toBeNull();
    const reply = handleMessage(syncUpdate(peerUpdate()), ctx);

    expect(asked).toEqual([SyncStep.Step2, SyncStep.Update]);
    expect(contentOf(ctx.doc).getText('note').toString()).toBe('');
    const decoder = decoding.createDecoder(reply as Uint8Array);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Auth);
    expect(decoding.readVarUint(decoder)).toBe(0); // permission denied
    expect(decoding.readVarString(decoder)).toBe(READ_ONLY_REASON);
    expect(READ_ONLY_REASON).toBe('read-only');
  });

  it('never asks writeDenied about an allowed write', () => {
    let asked = 0;
    const ctx: ProtocolContext = { ...context(true), writeDenied: () => (asked++, true) };
    expect(handleMessage(syncUpdate(peerUpdate()), ctx)).toBeNull();
    expect(asked).toBe(0);
  });

  it('still answers sync step 1 for a read-only peer', () => {
    const ctx = context(false);
    const step1 = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      syncProtocol.writeSyncStep1(e, new Y.Doc());
    });
    expect(handleMessage(step1, ctx)).not.toBeNull();
  });
});

describe('malformed input', () => {
  it('throws ProtocolError (1003) for an unknown message type', () => {
    expectProtocolError(() => handleMessage(Uint8Array.of(42), contextOf()), 'unknown-message-type', 1003);
  });

  it('rejects auth messages, which only the server may send', () => {
    const auth = Uint8Array.of(MessageType.Auth, 0);
    expectProtocolError(() => handleMessage(auth, contextOf()), 'unknown-message-type', 1003);
  });

  it.each([
    ['an empty message', Uint8Array.of()],
    ['an unknown sync step', Uint8Array.of(MessageType.Sync, 7, 0)],
    ['a length prefix longer than the message', Uint8Array.of(MessageType.Sync, SyncStep.Update, 50, 1, 2, 3)],
    ['an update that is not a Yjs update', Uint8Array.of(MessageType.Sync, SyncStep.Update, 3, 0xff, 0xff, 0xff)],
    ['a malformed state vector', Uint8Array.of(MessageType.Sync, SyncStep.Step1, 2, 0xff, 0xff)],
  ])('throws ProtocolError (1007) for %s', (_label, bytes) => {
    expectProtocolError(() => handleMessage(bytes, contextOf()), 'malformed-message', 1007);
  });
});

describe('awareness messages', () => {
  const awarenessMessage = (update: Uint8Array): Uint8Array =>
    message((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(e, update);
    });

  function peerAwareness(state: Record<string, unknown>): { awareness: Awareness; id: number } {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState(state);
    return { awareness, id: doc.clientID };
  }

  it("applies a peer's presence with the peer as origin", () => {
    const ctx = contextOf();
    const peer = peerAwareness({ name: 'Alice' });
    const origins: unknown[] = [];
    ctx.awareness.on('update', (_change: unknown, origin: unknown) => origins.push(origin));

    expect(handleMessage(awarenessMessage(encodeAwarenessUpdate(peer.awareness, [peer.id])), ctx)).toBeNull();

    expect(ctx.awareness.getStates().get(peer.id)).toEqual({ name: 'Alice' });
    expect(origins).toEqual([ctx.origin]);
  });

  it('rejects an update with a bad entry without applying the good entries before it', () => {
    const ctx = contextOf();
    const peer = peerAwareness({ name: 'Alice' });
    const update = message((e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, peer.id);
      encoding.writeVarUint(e, 5);
      encoding.writeVarString(e, JSON.stringify({ name: 'Alice' }));
      encoding.writeVarUint(e, 777);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{not json');
    });
    expectProtocolError(() => handleMessage(awarenessMessage(update), ctx), 'malformed-message', 1007);
    expect(ctx.awareness.getStates().size).toBe(0);
  });

  it('rejects presence states that are not objects', () => {
    const update = message((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1234);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '[1,2]');
    });
    expectProtocolError(() => handleMessage(awarenessMessage(update), contextOf()), 'malformed-message', 1007);
  });

  it('answers query-awareness with every known presence state', () => {
    const ctx = contextOf();
    const peer = peerAwareness({ name: 'Bob' });
    handleMessage(awarenessMessage(encodeAwarenessUpdate(peer.awareness, [peer.id])), ctx);

    const reply = handleMessage(Uint8Array.of(MessageType.QueryAwareness), ctx);

    const decoder = decoding.createDecoder(reply as Uint8Array);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Awareness);
    const observer = new Awareness(new Y.Doc());
    applyAwarenessUpdate(observer, decoding.readVarUint8Array(decoder), 'server');
    expect(observer.getStates().get(peer.id)).toEqual({ name: 'Bob' });
    observer.destroy();
  });
});
