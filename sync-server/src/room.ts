import * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { NO_CONTROL_FACTS, roomAccess, type ControlFacts, type Role, type RoomRef } from '@wcb/shared';
import { CloseCode, ROOM_FULL_REASON, encodeSyncUpdate, type WriteRefusal } from '@wcb/shared/wire';
import { SharedMessages, sendShared, type Connection } from './connection';
import type { Logger } from './logger';
import { ProtocolError, encodeAwareness, encodeSyncStep1, handleMessage } from './protocol';
import { DocSize } from './limits';
import type { SessionQuota } from './storage-quota';
import { SerialQueue } from './serial-queue';
import { AppendBatches } from './append-batches';
import { publishable, relayBatch, type StoredUpdate } from './relay-batch';
import { PRESENCE_PER_TICK, PRESENCE_TICK_MS, PresenceTicks } from './presence-ticks';
import { RelayPacer } from './relay-pacer';
import { Member } from './room-member';
import type { DocStorage, RoomStats } from './storage/types';
import { localBus, type RoomBus } from './cluster/bus';
import { CLUSTER_ORIGIN, RECONCILE_ORIGIN, RoomLink, coveringSnapshot } from './cluster/room-link';
import type { DocState } from './doc-state/types';
import { LiveDoc } from './doc-state/live-doc';
import { EncodedDoc } from './doc-state/encoded-doc';
import { checkControlUpdate } from './doc-state/control-guard';
import { ControlReads } from './doc-state/control-reads';

export interface CompactionPolicy {
  /** Compact once this many updates follow the snapshot. */
  readonly afterUpdates: number;
  /** ... or once they add up to this many bytes. */
  readonly afterBytes: number;
}

export interface RoomOptions {
  readonly name: string;
  /** The parsed name: decides which writes roomAccess allows. */
  readonly ref: RoomRef;
  /**
   * Phase and votes rooms: the session's control room, whose doc decides locks and voting.
   * This room holds a lease on it for its whole life and loads only after it. null for control.
   */
  readonly control: Room | null;
  readonly storage: DocStorage;
  readonly logger: Logger;
  readonly compaction: CompactionPolicy;
  /** Defaults and their reasons: config.ts (relayPaceMembers, relayPaceMs). */
  readonly pacing: RelayPacing;
  /** Settles when the previous instance of this room has finished writing; we load after it. */
  readonly after: Promise<void>;
  /**
   * Called once, when the room stops taking connections (its last one left, it failed, or it
   * was evicted). `done` settles (never rejects) when it has flushed and freed its doc.
   */
  readonly onRetire: (room: Room, done: Promise<void>) => void;
  /** Scale-out: other instances serving this room (cluster/). Default: none, a lone instance. */
  readonly bus?: RoomBus;
  /** Largest state the room may grow to (MAX_DOC_BYTES); past it, only deletions are taken. */
  readonly maxDocBytes?: number;
  /** Defaults to Date.now: paces the exact size measure (limits.ts, DocSize). */
  readonly clock?: () => number;
  /** The session's share of the storage quotas (storage-quota.ts); none: unlimited. */
  readonly quota?: SessionQuota;
  /**
   * Told of every message the room turns away (metrics): a write refused for its size, a write
   * from a member that may not write, a message that closed its connection.
   */
  readonly onRejected?: (reason: RoomRejection) => void;
}

/** What a room turns away: a write refused for space, one refused for its writer's access, a bad message. */
export type RoomRejection = WriteRefusal | 'write-denied' | 'malformed';

/**
 * Control rooms check the records a write changes (PROTOCOL.md, "Control records"). What another
 * instance relays was checked by the instance its writer is connected to.
 */
const checkControlWrite = (doc: Y.Doc, update: Uint8Array, origin: unknown): void => {
  if (origin !== CLUSTER_ORIGIN && origin !== RECONCILE_ORIGIN) checkControlUpdate(doc, update);
};

// A control doc nobody has written for this long is kept encoded (live-doc.ts): a facilitator
// writes in bursts (start the timer, open the next phase), a few times a minute at most.
const CONTROL_QUIET_MS = 30_000;

/** Without REDIS_URL: no other instance to tell anything. */
const LONE_INSTANCE = localBus('lone');
// Updates stored (and relayed) per outbox turn at most: whatever arrived during the previous
// commit, so a slow one (an fsync stall, a WAL checkpoint: 200 ms of a plenary's 1,200 updates a
// second) is absorbed by the next commit instead of queueing (append-batches.ts). Also what a
// crash can leave in the log beyond the compaction threshold.
export const APPEND_BATCH = 256;
// ... and bytes per batch at most: one transaction stays small beside MAX_PAYLOAD_BYTES frames.
export const APPEND_BATCH_BYTES = 1024 * 1024;

/** Relays of a room with at least `members` connections leave at most every `intervalMs` (relay-pacer.ts). */
export interface RelayPacing {
  readonly members: number;
  readonly intervalMs: number;
}

/**
 * One Yjs document being served: its state, its peers, and the ordering rules between them.
 *
 * Guarantees (PROTOCOL.md, "Server guarantees"):
 * - nobody gets a sync reply before the stored state is in the doc (messages wait in `inbox`);
 * - an update is appended to storage before any peer receives it, and peers receive updates
 *   in append order (every doc-derived message leaves through `outbox`);
 * - a room that failed to load never writes, so it cannot overwrite what it could not read.
 */
export class Room {
  readonly name: string;
  /**
   * Control rooms keep a Y.Doc: the server reads locks and voting from it. Phase and votes rooms
   * it only stores and relays, so they keep the encoded state (doc-state/encoded-doc.ts).
   */
  readonly doc: DocState;
  /** The state's size against maxDocBytes; null without a limit. */
  private readonly size: DocSize | null;
  /** Control rooms: what the server reads from the doc (facts deciding every write of the session). */
  private readonly controlReads: ControlReads | null;
  // Awareness needs a Y.Doc only for a client id and a destroy signal; an empty one costs ~1 KB.
  readonly awareness = new Awareness(new Y.Doc());
  private readonly members = new Map<Connection, Member>();
  /** Presence id → the member that introduced it, or CLUSTER_ORIGIN for another instance's peer. */
  private readonly awarenessOwners = new Map<number, Member | typeof CLUSTER_ORIGIN>();
  private readonly inbox: { member: Member; message: Uint8Array }[] = [];
  // Sends cannot throw and compaction catches its own errors: a rejected task is an append.
  private readonly outbox = new SerialQueue((error) =>
    this.fail(CloseCode.StorageWriteFailed, 'storage write failed', error),
  );
  /** Local updates on their way to storage; relayed by the outbox once stored. */
  private readonly unstored = new AppendBatches<StoredUpdate, number[]>(
    this.outbox,
    APPEND_BATCH,
    (batch) => this.store(batch),
    (batch, seqs) => this.relayStored(batch, seqs),
    APPEND_BATCH_BYTES,
    (stored) => stored.update.byteLength,
  );
  /** Where the room is in its life: loading its stored state, serving, or gone. */
  private lifecycle: 'loading' | 'ready' | 'retired' = 'loading';
  private failed = false;
  /** What storage holds beyond the snapshot, tracked here to avoid a stats query per update. */
  /** What storage holds after the snapshot (drives compaction). */
  private stored: RoomStats = { updates: 0, bytes: 0, lastSeq: 0 };
  /** The compaction in storage, if any: one at a time, beside the outbox (compactWhenDue). */
  private compacting: Promise<void> | null = null;
  /** Settles true once the stored state is in the doc, false if loading failed. */
  readonly loaded: Promise<boolean>;
  /** Control rooms: the phase/votes rooms of the session currently leasing this one. */
  private readonly dependents = new Set<Room>();
  /** Admissions waiting on this room's load (hold()): it must not retire under them. */
  private holds = 0;

  /** Scale-out: this room on the bus shared with other instances (a no-op without Redis). */
  private readonly link: RoomLink;

  /** Stored batches on their way to the members: at once, or paced in a plenary. */
  private readonly relays = new RelayPacer<StoredUpdate>(
    (batch) => (this.isPlenary() ? this.plenaryTick(batch) : this.relayEach(batch)),
    () => (this.isPlenary() ? this.options.pacing.intervalMs : 0),
  );

  /** Presence goes out once per tick (presence-ticks.ts): to the members, and our peers' to the bus. */
  private readonly presence = new PresenceTicks(
    (ids) => this.sendToAll(new SharedMessages([encodeAwareness(this.awareness, ids)])),
    (ids) => this.link.publish(encodeAwareness(this.awareness, ids)),
    PRESENCE_TICK_MS,
    PRESENCE_PER_TICK,
    // In a plenary presence leaves with the relay ticks; its own timer is the fallback.
    () => (this.isPlenary() ? this.options.pacing.intervalMs : 0),
  );

  private isPlenary(): boolean {
    return this.members.size >= this.options.pacing.members;
  }

  /** A small room: each member gets the batch without its own updates. */
  private relayEach(batch: readonly StoredUpdate[]): void {
    // Members whose own updates are not in the batch get the same messages: framed once for them.
    const shared = new Map<readonly Uint8Array[], SharedMessages>();
    for (const [member, messages] of relayBatch(batch, this.members.values())) {
      let framed = shared.get(messages);
      if (!framed) shared.set(messages, (framed = new SharedMessages(messages)));
      sendShared(member.conn, framed);
    }
  }

  private sendToAll(shared: SharedMessages): void {
    for (const member of this.members.values()) sendShared(member.conn, shared);
  }

  /**
   * A plenary's tick: one merged update for everyone (a writer's own updates come back and
   * change nothing: one merge instead of one per writer) and, when due, the presence that
   * changed, in one socket write per member. Socket writes were a plenary's largest cost.
   */
  private plenaryTick(batch: readonly StoredUpdate[]): void {
    const updates = batch.map((b) => b.update);
    const update = encodeSyncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
    const messages = [update];
    this.presence.sendIfDue((ids) => messages.push(encodeAwareness(this.awareness, ids)));
    this.sendToAll(new SharedMessages(messages));
  }

  constructor(private readonly options: RoomOptions) {
    this.name = options.name;
    const live = options.control
      ? null
      : new LiveDoc(undefined, checkControlWrite, { quietMs: CONTROL_QUIET_MS, beforeFreeze: () => this.controlReads?.readAll() });
    this.controlReads = live ? new ControlReads(() => live.doc, (error) => this.warnUnreadable(error)) : null;
    this.doc = live ?? new EncodedDoc();
    this.size = options.maxDocBytes === undefined ? null : new DocSize(this.doc, options.maxDocBytes, options.clock);
    this.link = new RoomLink(options.bus ?? LONE_INSTANCE, this.name, this.doc, this.awareness, options.logger);
    options.control?.lease(this);
    if (live) this.doc.onUpdate(this.onControlChange);
    // The server is not a participant: it must not show up in anyone's presence list.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.loaded = this.load();
  }

  get connectionCount(): number {
    return this.members.size;
  }

  get isRetired(): boolean {
    return this.lifecycle === 'retired';
  }

  /**
   * The access facts of this control room's doc (locks, open voting). Only meaningful once
   * loaded; dependents never ask earlier because they load after their control room.
   */
  facts(): ControlFacts | 'unreadable' {
    // Only ever asked of a control room (dependents ask their control).
    return this.controlReads?.accessFacts() ?? NO_CONTROL_FACTS;
  }

  /**
   * A malformed control doc (e.g. a phase entry that is not a record) must not turn every write
   * of the session into a 1007; we fail closed until it is repaired.
   */
  private warnUnreadable(error: unknown): void {
    this.options.logger.warn('control doc unreadable; phase and votes rooms are read-only', { room: this.name, error });
  }

  /**
   * Control rooms, once loaded: whether the session defines phase `phaseId`. An unreadable
   * control doc defines nothing (fail closed: only the facilitator opens phase rooms then).
   */
  definesPhase(phaseId: string): boolean {
    return this.controlReads?.definesPhase(phaseId) ?? false;
  }

  /** Keeps the room from retiring until the returned release is called (an admission check). */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.retireIfUnused();
    };
  }

  /**
   * A full room is not a dead room: past maxDocBytes it refuses what would grow it, but takes
   * deletions (an update without structs), so the facilitator can make room and compaction
   * collects what was deleted.
   */
  private readonly budget = (update: Uint8Array): WriteRefusal | null => {
    const bytes = update.byteLength;
    const refusal = this.size?.wouldExceed(bytes) ? ROOM_FULL_REASON : (this.options.quota?.refusal(bytes) ?? null);
    if (refusal === null || Y.parseUpdateMeta(update).to.size === 0) return null;
    this.options.onRejected?.(refusal);
    return refusal;
  };

  /** Whether `role` may write this room right now. */
  allows(role: Role): boolean {
    const { control, ref } = this.options;
    const facts = (control ?? this).facts();
    // The control room's own access does not depend on facts, so its facilitator can repair it.
    if (facts === 'unreadable') return ref.kind === 'control' && roomAccess(role, ref, NO_CONTROL_FACTS) === 'write';
    return roomAccess(role, ref, facts) === 'write';
  }

  join(conn: Connection): void {
    if (this.lifecycle === 'retired') throw new Error(`room ${this.name} is retired`);
    const member = new Member(conn, this.doc, this.awareness, (role) => this.allows(role), this.awarenessOwners, this.budget, () =>
      this.options.onRejected?.('write-denied'),
    );
    this.members.set(conn, member);
    if (this.lifecycle === 'ready') this.greet(member);
  }

  receive(conn: Connection, message: Uint8Array): void {
    const member = this.members.get(conn);
    if (!member) return;
    if (this.lifecycle === 'loading') this.inbox.push({ member, message });
    else if (this.lifecycle === 'ready') this.process(member, message);
  }

  leave(conn: Connection): void {
    const member = this.members.get(conn);
    if (!member) return;
    this.members.delete(conn);
    removeAwarenessStates(this.awareness, [...member.awarenessIds], 'left');
    for (const id of member.awarenessIds) this.awarenessOwners.delete(id);
    this.retireIfUnused();
  }

  /**
   * Closes every connection with `code` and retires the room (server shutdown, failure).
   * A control room takes its session's phase and votes rooms with it: they cannot decide a
   * write without it.
   */
  evict(code: number, reason: string): void {
    for (const member of this.members.values()) member.conn.close(code, reason);
    this.members.clear();
    for (const dependent of [...this.dependents]) dependent.evict(code, reason);
    if (this.lifecycle !== 'retired') this.retire();
  }

  /** Control rooms: `dependent` needs this room loaded (and kept) until it retires. */
  private lease(dependent: Room): void {
    this.dependents.add(dependent);
  }

  private unlease(dependent: Room): void {
    if (this.dependents.delete(dependent)) this.retireIfUnused();
  }

  private retireIfUnused(): void {
    if (this.members.size === 0 && this.dependents.size === 0 && this.holds === 0 && this.lifecycle !== 'retired') this.retire();
  }

  private readonly onControlChange = (): void => {
    this.controlReads?.changed();
    for (const room of [this, ...this.dependents]) {
      for (const member of room.members.values()) member.refreshNotice();
    }
  };

  private async load(): Promise<boolean> {
    const { storage, name } = this.options;
    try {
      await this.options.after;
      const { control } = this.options;
      // Writes here are decided by the control doc, so it must be loaded first (and stay).
      if (control && (!(await control.loaded) || control.isRetired)) {
        throw new Error(`control room ${control.name} is unavailable`);
      }
      // Subscribed before reading storage, so what another instance appends meanwhile arrives.
      await this.link.join();
      // Stats before the load: should another writer append in between, lastSeq can only lag
      // behind what we loaded, so a compaction through it never deletes an update we lack.
      const stats = await storage.stats(name);
      const updates = await storage.load(name);
      await this.options.quota?.measure();
      // Applied before the update handler is attached: stored state is never re-appended.
      const dropped = this.doc.load(updates);
      if (dropped.length > 0) {
        this.options.logger.warn('loaded a room without content an older version stored unchecked', { room: name, dropped });
      }
      this.stored = stats;
    } catch (error) {
      this.fail(CloseCode.RoomLoadFailed, 'room load failed', error);
      return false;
    }
    if (this.lifecycle !== 'loading') return true; // everyone left while we were loading
    this.doc.onUpdate(this.onDocUpdate);
    this.lifecycle = 'ready';
    this.link.ready();
    for (const member of this.members.values()) this.greet(member);
    for (const { member, message } of this.inbox.splice(0)) {
      if (this.members.get(member.conn) === member) this.process(member, message);
    }
    // Durability (issue 5): a log already past the policy (a crash between compactions, or a
    // higher threshold last run) is folded now, behind the greetings, so the next load reads
    // state rather than history even if nobody writes before the next crash.
    this.outbox.push(() => this.compactWhenDue());
    return true;
  }

  /** Server side of the handshake: our state vector, then who else is here (PROTOCOL.md, "Handshake"). */
  private greet(member: Member): void {
    this.sendOrdered(member, encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) this.sendOrdered(member, encodeAwareness(this.awareness, present));
  }

  private process(member: Member, message: Uint8Array): void {
    let reply: Uint8Array | null;
    try {
      reply = handleMessage(message, member);
    } catch (error) {
      const fields = { room: this.name, conn: member.conn.id, error };
      if (error instanceof ProtocolError) {
        this.options.logger.warn('closing connection after a bad message', fields);
        // A rate-limited sender was counted where its budget ran out (update-rate).
        if (error.kind !== 'rate-limited') this.options.onRejected?.('malformed');
        member.conn.close(error.closeCode, error.kind);
      } else {
        this.options.logger.error('message handler failed', fields);
        member.conn.close(CloseCode.InternalError, 'internal error');
      }
      this.leave(member.conn);
      return;
    }
    // A step 2 reply reveals doc state, which may include updates still being appended.
    if (reply) this.sendOrdered(member, reply);
  }

  private sendOrdered(member: Member, message: Uint8Array): void {
    this.outbox.push(() => {
      this.relays.flush(); // a paced relay was stored before this message: it goes first
      if (this.members.get(member.conn) === member) member.conn.send(message);
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Scale-out: the instance that published it has stored it; relay only (cluster/room-link.ts).
    if (origin === CLUSTER_ORIGIN) {
      const message = encodeSyncUpdate(update);
      this.outbox.push(() => {
        this.relays.flush();
        if (!this.failed) this.sendToAll(new SharedMessages([message]));
      });
      return;
    }
    this.unstored.add({ update, origin });
  };

  private async store(batch: readonly StoredUpdate[]): Promise<number[]> {
    if (this.failed) return [];
    return this.options.storage.appendBatch(this.name, batch.map(({ update }) => update));
  }

  /** In the outbox, once stored: relays the batch, publishes it, and compacts when due. */
  private async relayStored(batch: readonly StoredUpdate[], seqs: readonly number[]): Promise<void> {
    if (this.failed) return;
    this.options.quota?.grew(batch.reduce((sum, { update }) => sum + update.byteLength, 0));
    batch.forEach(({ update }, i) => {
      // A pooled store may commit a batch in any order; every row's content is in this.doc anyway.
      this.stored = { updates: this.stored.updates + 1, bytes: this.stored.bytes + update.byteLength, lastSeq: Math.max(seqs[i]!, this.stored.lastSeq) };
    });
    this.relays.add(batch);
    // Persisted: now the other instances may hear of it (a reconcile answer came from them). A
    // lone instance skips the merge: there is nobody to publish to.
    const published = this.link.clustered ? publishable(batch, (origin) => origin === RECONCILE_ORIGIN) : null;
    if (published) this.link.publish(published);
    this.compactWhenDue();
  }

  /**
   * Starts a compaction when the log is past the policy and none is running. It is not awaited by
   * the outbox: later batches are relayed while it commits (its fsync had held every relay of the
   * room, twice a second in a plenary).
   */
  private compactWhenDue(): void {
    const { afterUpdates, afterBytes } = this.options.compaction;
    if (this.compacting || this.lifecycle !== 'ready' || (this.stored.updates < afterUpdates && this.stored.bytes < afterBytes)) return;
    this.compacting = this.compact().then((done) => {
      this.compacting = null;
      // What was stored while it committed may be past the policy already, and no write may come
      // to start the next one. After a failure, the next write retries (not a loop on a bad disk).
      if (done) this.compactWhenDue();
    });
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Member) {
      // Kept after the member clears its state: the id stays its own until it leaves.
      for (const id of [...added, ...updated]) {
        origin.awarenessIds.add(id);
        this.awarenessOwners.set(id, origin);
      }
    } else {
      // Another instance's peer (or its state expiring here): held until it is removed.
      if (origin === CLUSTER_ORIGIN) for (const id of [...added, ...updated]) if (!this.awarenessOwners.has(id)) this.awarenessOwners.set(id, CLUSTER_ORIGIN);
      for (const id of removed) if (this.awarenessOwners.get(id) === CLUSTER_ORIGIN) this.awarenessOwners.delete(id);
    }
    // Presence is ephemeral and independent of the doc: it skips the outbox so cursors do not
    // wait behind fsyncs. It is coalesced for one tick (below) and then sent to every member,
    // its sender too, as y-websocket's server does: the stock client reconnects after 30 s
    // without any message, and for a peer alone in a room the echo of its own 15 s awareness
    // renewal is the only traffic.
    // Scale-out: our own peers' presence (and their leaving), never what the bus brought or
    // what our timer expired: every instance expires remote states by itself.
    this.presence.changedBy([...added, ...updated, ...removed], origin instanceof Member || origin === 'left');
  };

  /**
   * Replaces the log with one snapshot. Started by the outbox (compactWhenDue) or once it drained
   * (shutdown), one at a time. Later batches of this room may be stored and relayed meanwhile
   * (append-batches.ts): what is in the doc is in the snapshot, and whether their rows land before
   * the deletion or after it (past lastSeq, or in either order on a pooled store) nothing is lost;
   * at worst a row repeats what the snapshot holds. Failure is not fatal: the log still holds
   * everything.
   */
  private async compact(): Promise<boolean> {
    // What the snapshot folds; what is stored while it commits stays counted for the next one.
    const folded = this.stored;
    try {
      // Scale-out: other instances append to this room too; the snapshot must cover their rows.
      const { snapshot, throughSeq } = this.link.clustered
        ? await coveringSnapshot(this.options.storage, this.name, this.doc)
        : { snapshot: this.doc.snapshot(), throughSeq: this.stored.lastSeq };
      await this.options.storage.compact(this.name, snapshot, throughSeq);
      this.stored = {
        updates: Math.max(0, this.stored.updates - folded.updates),
        bytes: Math.max(0, this.stored.bytes - folded.bytes),
        lastSeq: Math.max(throughSeq, this.stored.lastSeq),
      };
      await this.options.quota?.measure(); // what deletions freed counts again
      return true;
    } catch (error) {
      this.options.logger.warn('compaction failed; the update log is intact', { room: this.name, error });
      return false;
    }
  }

  private retire(): void {
    this.lifecycle = 'retired';
    // Other instances must still hear who left: the last tick goes out before the link closes.
    this.presence.flush();
    this.relays.discard(); // nobody is left to relay to
    this.link.leave();
    this.options.onRetire(this, this.shutdown());
    this.options.control?.unlease(this);
  }

  private fail(code: number, reason: string, error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.options.logger.error(reason, { room: this.name, error });
    this.inbox.length = 0;
    this.relays.discard();
    // Clients keep their edits locally and re-send them after reconnecting to a fresh instance.
    this.evict(code, reason);
  }

  /**
   * Settles once everything received so far has been handled: loaded, stored, relayed. Tests
   * drive a room with explicit flushes on it (tests/support/room-pair.ts) instead of sockets.
   */
  async settled(): Promise<void> {
    await this.loaded;
    await this.outbox.idle();
    while (this.compacting) await this.compacting;
  }

  /** Flushes pending writes, compacts what this session added, and frees the doc. */
  private async shutdown(): Promise<void> {
    const loadedOk = await this.loaded;
    await this.outbox.idle();
    while (this.compacting) await this.compacting;
    // Pending structs (a Y.Doc's updates waiting for a missing dependency) exist only in memory
    // and in a snapshot: keep them even when no update was appended.
    const unsaved = this.stored.updates > 0 || this.doc.hasUnstoredPending();
    if (loadedOk && !this.failed && unsaved) await this.compact();
    this.doc.offUpdate(this.onDocUpdate);
    this.doc.offUpdate(this.onControlChange);
    this.doc.destroy();
    this.awareness.doc.destroy(); // also destroys the awareness and its timer
  }
}
