import type { Role } from '@wcb/shared';
import type { Awareness } from 'y-protocols/awareness';
import type { Connection } from './connection';
import type { DocState } from './doc-state/types';
import { SyncStep, type WriteRefusal } from '@wcb/shared/wire';
import type { ProtocolContext } from './protocol';

// A stock client announces one id (its doc's client id); a few more cover tabs of tools that share a socket.
export const MAX_AWARENESS_IDS = 4;

/** Who holds each presence id of a room: the member that introduced it, or another instance. */
export type AwarenessOwners = ReadonlyMap<number, unknown>;

/** A connection inside a room. It is its own protocol context and the origin of its writes. */
export class Member implements ProtocolContext {
  /** Awareness client ids this connection introduced: removed for everyone when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Told it is read-only since it last could write: the notice goes out once per flip. */
  private noticeSent = false;
  /** The refusal this member was last told of, until a write of it is taken again. */
  private refusalSent: WriteRefusal | null = null;

  constructor(
    readonly conn: Connection,
    readonly doc: DocState,
    readonly awareness: Awareness,
    private readonly allows: (role: Role) => boolean,
    private readonly owners: AwarenessOwners = new Map(),
    private readonly budget: (update: Uint8Array) => WriteRefusal | null = () => null,
    /** Told of each update dropped because this member may not write (metrics). */
    private readonly denied: () => void = () => {},
  ) {}

  get origin(): Member {
    return this;
  }

  /** Evaluated per message against the live control doc: a lock applies to open connections at once. */
  canWrite(): boolean {
    return this.allows(this.conn.role);
  }

  /**
   * A dropped update earns one permission-denied notice per flip to read-only. A dropped step 2
   * is silent: every stock client sends one on each connect (usually with nothing new in it),
   * so a notice would greet every viewer.
   */
  writeDenied(step: typeof SyncStep.Step2 | typeof SyncStep.Update): boolean {
    if (step !== SyncStep.Update) return false;
    this.denied();
    if (this.noticeSent) return false;
    this.noticeSent = true;
    return true;
  }

  /**
   * Presence ids are first come, first served: a connection sets and clears only ids it
   * introduced, so nobody can rename someone else or make them vanish. A device that reconnects
   * while its old socket lingers is shown again once the old one is gone (next 15 s renewal).
   */
  mayAnnounce(clientId: number, removing: boolean): boolean {
    const owner = this.owners.get(clientId);
    if (owner === this) return true;
    if (owner !== undefined || removing) return false;
    return this.awarenessIds.size < MAX_AWARENESS_IDS;
  }

  chargeStructs(structs: number): boolean {
    return this.conn.chargeStructs?.(structs) ?? true;
  }

  refuseWrite(update: Uint8Array): WriteRefusal | null {
    const refusal = this.budget(update);
    if (refusal === null) this.refusalSent = null;
    return refusal;
  }

  /** Told once per refusal: a client retrying the same edit is not answered with a flood. */
  writeRefused(reason: WriteRefusal): boolean {
    if (this.refusalSent === reason) return false;
    this.refusalSent = reason;
    return true;
  }

  /**
   * After the control doc changed (the only way a member's access flips): one that may write
   * again is due a fresh notice when it next becomes read-only.
   */
  refreshNotice(): void {
    if (this.noticeSent && this.canWrite()) this.noticeSent = false;
  }
}
