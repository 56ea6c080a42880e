import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';

/**
 * A device's own copy of a room, as y-indexeddb keeps it (one database per room, its updates in
 * the `updates` store), read and written behind the app's back: what an older version, or an
 * offline edit, could have left there. Only while no board of the session is open in the page.
 */
export class StoredRoom {
  constructor(
    readonly page: Page,
    readonly room: string,
  ) {}

  /** Everything stored, as one document. */
  async read(): Promise<Y.Doc> {
    const updates = await this.page.evaluate(
      (name) =>
        new Promise<number[][]>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('updates').objectStore('updates').getAll();
            all.onerror = () => reject(all.error);
            all.onsuccess = () => {
              open.result.close();
              resolve((all.result as Uint8Array[]).map((u) => [...u]));
            };
          };
        }),
      this.room,
    );
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, new Uint8Array(u));
    return doc;
  }

  /** Adds `edit`'s changes to what is stored, as the device itself would have written them. */
  async edit(edit: (doc: Y.Doc) => void): Promise<void> {
    const doc = await this.read();
    const before = Y.encodeStateVector(doc);
    edit(doc);
    const update = [...Y.encodeStateAsUpdate(doc, before)];
    doc.destroy();
    await this.page.evaluate(
      ({ name, update }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('updates', 'readwrite');
            tx.objectStore('updates').add(new Uint8Array(update));
            tx.onerror = () => reject(tx.error);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      { name: this.room, update },
    );
  }
}

/** The board's notice of what this device repaired in its own copy of the session's setup. */
export class RepairsNotice {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('board.repairs');
  }

  get dismiss(): Locator {
    return this.page.getByTestId('board.repairs-dismiss');
  }

  /** One line per repaired or left-out record. */
  async lines(): Promise<string[]> {
    return this.page.getByTestId('board.repair').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }
}
