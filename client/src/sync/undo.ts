import * as Y from 'yjs';
import { createSignal, type Accessor } from 'solid-js';
import { LocalOrigin, phaseMaps } from '@wcb/shared';

/**
 * Undo/redo for one person on one phase. Only transactions whose origin is a LocalOrigin are
 * tracked (Yjs matches the origin's constructor against trackedOrigins), so undo reverts what this
 * person did and never another participant's work that arrived in between.
 */
export type Undo = {
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
  /**
   * Groups everything until the returned `end` into one undo step, however long it takes — a
   * drag writes many positions and may pause longer than the capture timeout midway.
   */
  group(): () => void;
  dispose(): void;
};

// Typing and nudging within this window become one step, as in most editors.
const CAPTURE_TIMEOUT_MS = 500;

/**
 * Within the capture window only repeats of one action merge (typing, nudging): a different
 * action — recolour, then delete — always starts a new step, however quick.
 */
class ActionUndoManager extends Y.UndoManager {
  private lastAction = '';

  constructor(private readonly tracked: Y.Doc) {
    super(phaseMaps(tracked).notes, { trackedOrigins: new Set([LocalOrigin]), captureTimeout: CAPTURE_TIMEOUT_MS });
    tracked.on('beforeTransaction', this.onBeforeTransaction);
  }

  private readonly onBeforeTransaction = (tr: Y.Transaction): void => {
    if (!(tr.origin instanceof LocalOrigin)) return;
    // An open group() (infinite capture window) keeps everything together on purpose.
    const grouping = this.captureTimeout === Number.POSITIVE_INFINITY;
    if (!grouping && tr.origin.action !== this.lastAction) this.stopCapturing();
    this.lastAction = tr.origin.action;
  };

  override destroy(): void {
    this.tracked.off('beforeTransaction', this.onBeforeTransaction);
    super.destroy();
  }
}

export const makeUndoManager = (doc: Y.Doc): Y.UndoManager => new ActionUndoManager(doc);

export function makeUndo(doc: Y.Doc): Undo {
  const manager = makeUndoManager(doc);
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  const refresh = () => {
    setCanUndo(manager.canUndo());
    setCanRedo(manager.canRedo());
  };
  manager.on('stack-item-added', refresh);
  manager.on('stack-item-popped', refresh);
  manager.on('stack-cleared', refresh);
  return {
    canUndo,
    canRedo,
    undo: () => manager.undo(),
    redo: () => manager.redo(),
    group() {
      manager.stopCapturing();
      manager.captureTimeout = Number.POSITIVE_INFINITY;
      return () => {
        manager.captureTimeout = CAPTURE_TIMEOUT_MS;
        manager.stopCapturing();
      };
    },
    dispose: () => manager.destroy(),
  };
}
