import type { Locator, Page } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { closeVoting, controlRoom, openVoting, type OpenVotingInput } from '@wcb/shared';

/**
 * Page objects for a participant's side of the board: the table this device joined as, note
 * provenance, dot voting and numbered steps. Waits go through locators and waitForFunction.
 */

const tid = (id: string): string => `[data-testid="${id}"]`;
const attr = (name: string, value: string): string => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

export class ParticipantBoard {
  constructor(readonly page: Page) {}

  get tablePicker(): Locator {
    return this.page.getByTestId('board.table-picker');
  }
  get tableName(): Locator {
    return this.page.getByTestId('board.table-name');
  }
  get anonymousToggle(): Locator {
    return this.page.getByTestId('board.anonymous');
  }
  get dotsLeft(): Locator {
    return this.page.getByTestId('board.dots-left');
  }
  noteAuthor(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId)).getByTestId('note.author');
  }
  noteTable(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId)).getByTestId('note.table');
  }
  voteButton(noteId: string): Locator {
    return this.page.locator(tid('note.vote') + attr('data-note-id', noteId));
  }
  unvoteButton(noteId: string): Locator {
    return this.page.locator(tid('note.unvote') + attr('data-note-id', noteId));
  }
  myDots(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId)).getByTestId('note.my-dots');
  }
  votes(noteId: string): Locator {
    return this.page.locator(tid('note.votes') + attr('data-note-id', noteId));
  }
  voteBars(topicId: string): Locator {
    return this.page.locator(tid('board.vote-bars') + attr('data-topic-id', topicId));
  }
  proposed(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId)).getByTestId('note.proposed');
  }
  /** A table host's "New since last round (N)" toggle. */
  get newSinceToggle(): Locator {
    return this.page.getByTestId('seat.new-since');
  }
  /** Ids of the notes flagged as new since the last round, in DOM order. */
  async newNoteIds(): Promise<string[]> {
    return this.page.locator(tid('note') + attr('data-new', 'true')).evaluateAll((els) => els.map((el) => el.getAttribute('data-note-id') ?? ''));
  }
  /** Waits until this device shows the café's round `round` (the timer badge carries it). */
  async waitForRound(round: number): Promise<void> {
    await this.page.locator(tid('timer.badge') + attr('data-round', String(round))).waitFor();
  }
  /** How a step's text is laid out: its height in lines, whether any of it is cut, and whether it stays inside its cell. */
  async stepTextBox(noteId: string): Promise<{ lines: number; clipped: boolean; insideCell: boolean }> {
    return this.step(noteId).evaluate((item) => {
      const text = item.querySelector<HTMLElement>('[data-testid="note.text"]')!;
      const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
      const cell = item.closest('[data-testid="board.column"], [data-testid="board.cross-row"]')!.getBoundingClientRect();
      const box = item.getBoundingClientRect();
      return {
        // clientHeight is in layout pixels, before the board's zoom.
        lines: Math.round(text.clientHeight / lineHeight),
        clipped: text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1,
        insideCell: box.bottom <= cell.bottom + 0.5,
      };
    });
  }
  stepsList(topicId: string): Locator {
    return this.page.locator(tid('steps.list') + attr('data-topic-id', topicId));
  }
  step(noteId: string): Locator {
    return this.page.locator(tid('steps.item') + attr('data-note-id', noteId));
  }

  stackCount(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId)).getByTestId('note.stack-count');
  }

  /** Real pointer drag of one note onto the middle of another: stacks it there. */
  async dragOnto(noteId: string, ontoId: string): Promise<void> {
    const from = await this.page.locator(tid('note') + attr('data-note-id', noteId)).boundingBox();
    const to = await this.page.locator(tid('note') + attr('data-note-id', ontoId)).boundingBox();
    if (!from || !to) throw new Error('Both notes must be on screen');
    const start = { x: from.x + from.width / 2, y: from.y + 60 };
    const { mouse } = this.page;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x + 5, start.y + 5, { steps: 2 });
    await mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 20, { steps: 12 });
    await mouse.up();
  }

  /** Selects a stack's head and presses its ungroup button. */
  async ungroup(headId: string): Promise<void> {
    const head = this.page.locator(tid('note') + attr('data-note-id', headId));
    await head.getByTestId('note.text').click();
    await head.getByTestId('note.ungroup').click();
  }

  /** Joins as a table by its name (as shown in the picker); '' for "no table". */
  async pickTable(name: string): Promise<void> {
    if (name === '') await this.tablePicker.selectOption('');
    else await this.tablePicker.selectOption({ label: name });
  }

  /** Waits until the header reads "N of B dots left". */
  async waitForDotsLeft(left: number, budget: number): Promise<void> {
    await this.page.locator(tid('board.dots-left') + attr('data-left', String(left)) + attr('data-budget', String(budget))).waitFor();
  }

  /** Waits until a note shows this count of dots for everyone. */
  async waitForVotes(noteId: string, count: number): Promise<void> {
    await this.page.waitForFunction(
      ({ sel, count }) => (document.querySelector(sel)?.textContent ?? '').trim() === String(count),
      { sel: tid('note.votes') + attr('data-note-id', noteId), count },
    );
  }

  /** The step texts of one topic with their numbers, in list order. */
  async steps(topicId: string): Promise<{ n: string; text: string; id: string }[]> {
    return this.stepsList(topicId)
      .locator(tid('steps.item'))
      .evaluateAll((els) =>
        els.map((el) => ({
          n: (el.querySelector('[data-testid="steps.number"]')?.textContent ?? '').trim(),
          text: (el.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim(),
          id: el.getAttribute('data-note-id') ?? '',
        })),
      );
  }

  /** Waits until a topic's list reads exactly these texts, numbered 1..n. */
  async waitForSteps(topicId: string, texts: readonly string[]): Promise<void> {
    await this.page.waitForFunction(
      ({ sel, texts }) => {
        const items = [...document.querySelectorAll(`${sel} [data-testid="steps.item"]`)];
        return (
          items.length === texts.length &&
          items.every(
            (el, i) =>
              (el.querySelector('[data-testid="steps.number"]')?.textContent ?? '').trim() === String(i + 1) &&
              (el.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim() === texts[i],
          )
        );
      },
      { sel: tid('steps.list') + attr('data-topic-id', topicId), texts: [...texts] },
    );
  }

  /** "+" on a topic of a steps phase, types the step, leaves the editor; returns the step's id. */
  async addStep(topicId: string, text: string): Promise<string> {
    await this.page.locator(tid('board.add-note') + attr('data-topic-id', topicId)).click();
    const editor = this.stepsList(topicId).getByTestId('note.editor');
    await editor.waitFor();
    const id = await editor.evaluate((el) => el.closest('[data-testid="steps.item"]')?.getAttribute('data-note-id') ?? '');
    await editor.fill(text);
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await this.page.waitForFunction(
      ({ sel, text }) => (document.querySelector(`${sel} [data-testid="note.text"]`)?.textContent ?? '').trim() === text,
      { sel: tid('steps.item') + attr('data-note-id', id), text },
    );
    return id;
  }

  /** Real pointer drag of a step onto the upper (before) or lower (after) half of another step. */
  async dragStep(noteId: string, ontoId: string, where: 'before' | 'after'): Promise<void> {
    const from = await this.step(noteId).boundingBox();
    const to = await this.step(ontoId).boundingBox();
    if (!from || !to) throw new Error('Both steps must be on screen');
    const { mouse } = this.page;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 6, { steps: 2 });
    await mouse.move(to.x + to.width / 2, to.y + (where === 'before' ? to.height / 4 : (to.height * 3) / 4), { steps: 10 });
    await mouse.up();
  }

  /** Focuses a step and moves it one place up or down with Alt+Arrow. */
  async moveStepByKey(noteId: string, direction: 'up' | 'down'): Promise<void> {
    await this.step(noteId).focus();
    await this.page.keyboard.press(direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  }
}

/** The token this device keeps for a session (its localStorage), e.g. the facilitator's. */
export async function storedToken(page: Page, sessionId: string): Promise<string> {
  return page.evaluate((sessionId) => {
    const all = JSON.parse(localStorage.getItem('wcb.credentials') ?? '[]') as { sessionId: string; token: string }[];
    return all.find((c) => c.sessionId === sessionId)?.token ?? '';
  }, sessionId);
}

/**
 * A stock y-websocket client in Node holding the facilitator's token: a legitimate third-party
 * client of the control room, used to open and close voting while the facilitator panel has no
 * voting controls of its own.
 */
export class ControlClient {
  private constructor(
    readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {}

  static async connect(serverUrl: string, sessionId: string, token: string): Promise<ControlClient> {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/ws`, controlRoom(sessionId), doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    });
    if (!provider.synced) {
      await new Promise<void>((resolve) => {
        const onSync = (synced: boolean) => {
          if (!synced) return;
          provider.off('sync', onSync);
          resolve();
        };
        provider.on('sync', onSync);
      });
    }
    return new ControlClient(doc, provider);
  }

  openVoting(input: OpenVotingInput): void {
    openVoting(this.doc, input);
  }

  closeVoting(): void {
    closeVoting(this.doc);
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
