/**
 * Runs async tasks one after another, in submission order.
 *
 * A room pushes every storage write and every doc-derived message through one queue: that
 * single ordering is what turns "persist before relay" into a guarantee rather than a race.
 * A failing task is reported to `onError` and does not stop the tasks queued after it;
 * the owner decides whether they still make sense.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: unknown) => void) {}

  push(task: () => Promise<void> | void): void {
    this.tail = this.tail.then(task).catch((error: unknown) => this.onError(error));
  }

  /** Settles once every task pushed so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }
}
