import type { Role } from '@wcb/shared';
import type { Awareness } from 'y-protocols/awareness';
import type { Connection } from './connection';
import type { DocState } from './doc-state/types';
import { SyncStep, type ProtocolContext } from './protocol';

/** A connection inside a room. It is its own protocol context and the origin of its writes. */
export class Member implements ProtocolContext {
  /** Awareness client ids this connection introduced: removed for everyone when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Told it is read-only since it last could write: the notice goes out once per flip. */
  private noticeSent = false;

  constructor(
    readonly conn: Connection,
    readonly doc: DocState,
    readonly awareness: Awareness,
    private readonly allows: (role: Role) => boolean,
  ) {}

  get origin(): Member {
    return this;
  }

  /** Evaluated per message against the live control doc: a lock applies to open connections at once. */
  canWrite(): boolean {
    const allowed = this.allows(this.conn.role);
    if (allowed) this.noticeSent = false;
    return allowed;
  }

  /**
   * A dropped update earns one permission-denied notice per flip to read-only. A dropped step 2
   * is silent: every stock client sends one on each connect (usually with nothing new in it),
   * so a notice would greet every viewer.
   */
  writeDenied(step: typeof SyncStep.Step2 | typeof SyncStep.Update): boolean {
    if (step !== SyncStep.Update || this.noticeSent) return false;
    this.noticeSent = true;
    return true;
  }

  /** After the control doc changed: a member that may write again is due a fresh notice. */
  refreshNotice(): void {
    if (this.noticeSent) this.canWrite();
  }
}
