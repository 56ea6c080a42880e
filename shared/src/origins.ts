/**
 * Typed transaction origins (Hocuspocus style). Every mutation in this package runs in a
 * transaction whose origin says who caused it:
 *   - LocalOrigin: a person on this device; carries the action name for logs and debugging.
 *     Y.UndoManager tracks the LocalOrigin *class*, so undo only ever reverts local work.
 *   - 'migration': schema upgrades, never undoable.
 *   - 'template': content stamped from a template when a session is created.
 * Remote updates arrive with the provider or persistence object as origin (y-websocket,
 * y-indexeddb), and the server uses its connection objects — none of them is a LocalOrigin.
 */
export class LocalOrigin {
  constructor(readonly action: string) {}
}

export type SystemOrigin = 'migration' | 'template';

export const isLocalOrigin = (origin: unknown): origin is LocalOrigin => origin instanceof LocalOrigin;
