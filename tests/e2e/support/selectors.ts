import type { Locator } from 'playwright-core';

/** Selector helpers and shapes shared by the page objects. */

export const tid = (id: string): string => `[data-testid="${id}"]`;
export const attr = (name: string, value: string): string => `[${name}="${cssEscape(value)}"]`;
const cssEscape = (v: string): string => v.replace(/["\\]/g, '\\$&');

export type ShareRole = 'participant' | 'viewer';
export type ReadOnlyReason = 'viewer' | 'locked' | 'denied';
export type BannerReason = 'no-token' | 'unauthorized' | 'unknown-session' | 'rate-limited' | 'server-full' | 'too-large' | 'newer' | 'loading' | 'connecting' | 'offline-empty' | 'not-found';

export type CreateSessionOptions = { template?: string; language?: 'uk' | 'ru' | 'en'; title?: string };
export type WorldTransform = { zoom: number; transform: string; matrix: DOMMatrixLike };
export type DOMMatrixLike = { a: number; b: number; c: number; d: number; e: number; f: number };

export async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`No bounding box for ${String(locator)}`);
  return box;
}

/** Where a person grabs a note: on its body, away from the text and the controls. */
export async function grabPoint(note: Locator): Promise<{ x: number; y: number }> {
  const box = await boxOf(note);
  return { x: box.x + box.width / 2, y: box.y + Math.min(8, box.height / 4) };
}
