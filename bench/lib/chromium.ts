import { chromium, type Browser, type Page } from 'playwright-core';
import { addNote, buildSessionDocs, CROSS_CUTTING, controlRoom, phaseRoom } from '@wcb/shared';
import type { BenchServer } from './server';
import { registerSessionTokens } from './sessions';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// --disable-gpu: this machine has none, so Chromium rasterises and composites in software.
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'];

// A device whose person has given a name: a first join would ask for one in a modal dialog,
// which would take the drags meant for the board. Added to each context as an init script.
export const NAMED_DEVICE = `localStorage.setItem('wcb.prefs', JSON.stringify({ chosenName: 'Bench', asked: true }))`;

/** Debian's Chromium, headless, as every browser benchmark runs it. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** Where bigBoard puts note `i` of its topic: four across per column, rows 166 board units apart. */
export const bigBoardSpot = (i: number, topics: number): { x: number; y: number } => {
  const cell = Math.floor(i / topics);
  return { x: 16 + (cell % 4) * 216, y: 16 + Math.floor(cell / 4) * 166 };
};

/** A world-cafe-ngo session whose ideal phase holds `notes` notes, registered with its content; returns the facilitator link. */
export async function bigBoard(server: BenchServer, id: string, notes: number): Promise<string> {
  const docs = buildSessionDocs({ sessionId: id, templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  const topics = ['government', 'community', 'ngos', CROSS_CUTTING];
  ideal.transact(() => {
    for (let i = 0; i < notes; i++) {
      addNote(ideal, { topic: topics[i % topics.length]!, text: `idea ${i}: trust, transparency and dialogue`, ...bigBoardSpot(i, topics.length) }, i, `n${i}`);
    }
  });
  const seed = [{ room: controlRoom(id), doc: docs.control }, ...docs.phases.map((p) => ({ room: phaseRoom(id, p.phaseId), doc: p.doc }))];
  const tokens = await registerSessionTokens(server.url, id, seed);
  return `${server.url}/s/${id}#t=${tokens.facilitator}`;
}

/** Waits until `count` notes are in the DOM. */
export async function waitForNotes(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="note"]').length >= n, count, { polling: 'raf', timeout: 60_000 });
}

/** The middle of three samples: one open or one gesture is a single sample of a noisy 2-core machine. */
export const median3 = (values: number[]): number => [...values].sort((x, y) => x - y)[1]!;
