import * as Y from 'yjs';
import type { DocListener, DocState } from './types';
import { UpdateGuard } from './update-guard';
import { sanitizeAll } from './sanitize';

/** A room's state as a Y.Doc: for rooms whose content the server itself reads (control rooms). */
export class LiveDoc implements DocState {
  private readonly guard = new UpdateGuard();

  /**
   * `checkWrite`: a further gate, run after the update rules and before anything is applied
   * (control rooms: control-guard.ts); throws InvalidUpdate to refuse the update.
   */
  constructor(
    readonly doc: Y.Doc = new Y.Doc(),
    private readonly checkWrite: ((doc: Y.Doc, update: Uint8Array, origin: unknown) => void) | null = null,
  ) {}

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  diff(stateVector?: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  apply(update: Uint8Array, origin: unknown, counted = false): void {
    const checked = this.guard.inspect(update, counted);
    // Nothing to check in an update that neither adds nor deletes (the step 2 every reader sends).
    if (this.checkWrite && (checked.structs.length > 0 || checked.ds.clients.size > 0)) this.checkWrite(this.doc, update, origin);
    Y.applyUpdate(this.doc, update, origin);
    this.guard.record(checked);
  }

  load(updates: readonly Uint8Array[]): string[] {
    const { parts, problems } = sanitizeAll(updates);
    // One transaction: listeners attach after the load, and observers run once.
    this.doc.transact(() => parts.forEach((u) => Y.applyUpdate(this.doc, u)));
    this.guard.loaded(() => Y.encodeStateAsUpdate(this.doc));
    return problems;
  }

  onUpdate(listener: DocListener): void {
    this.doc.on('update', listener);
  }

  offUpdate(listener: DocListener): void {
    this.doc.off('update', listener);
  }

  hasUnstoredPending(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  snapshot(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  byteLength(): number {
    return Y.encodeStateAsUpdate(this.doc).byteLength;
  }

  collectedByteLength(): number {
    return this.byteLength(); // a Y.Doc collects deleted content as it goes
  }

  destroy(): void {
    this.doc.destroy();
  }
}
