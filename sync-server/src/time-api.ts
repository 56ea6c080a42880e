import type { IncomingMessage, ServerResponse } from 'node:http';
import { API, type TimeResponse } from '@wcb/shared/wire';
import { pathOf, sendJson } from './http-util';

/**
 * `GET /api/time` → `{ "now": <server ms> }`: the server's clock, which clients sample to estimate
 * their offset (shared/src/clock.ts) so every round timer ends at the same moment everywhere.
 * Needs no token: the time of day is no secret, and a client wants its offset before it joins.
 * `no-store`, because a cached reply is a wrong clock.
 */
export const TIME_PATH = API.time;

/** Answers the request and returns true when it is for TIME_PATH; otherwise touches nothing and returns false. */
export function handleTimeRequest(req: IncomingMessage, res: ServerResponse, now: () => number = Date.now): boolean {
  if (pathOf(req) !== TIME_PATH) return false;
  if (req.method !== 'GET') {
    sendJson(res, 405, { error: 'use GET' }, { Allow: 'GET' });
    return true;
  }
  sendJson(res, 200, { now: Math.round(now()) } satisfies TimeResponse);
  return true;
}
