import { SESSION_ID_RE } from '@wcb/shared';
import { tokenFromHash } from './credentials';

/**
 * The session id in whatever someone pasted: a board link (any host, with or without scheme,
 * query or hash) or a bare session id. Null when it is neither.
 */
export function parseJoinInput(input: string): string | null {
  const text = input.trim();
  if (SESSION_ID_RE.test(text)) return text;
  const match = /(?:^|\/)s\/([A-Za-z0-9_-]+)(?:[/?#]|$)/.exec(text);
  const id = match?.[1];
  return id && SESSION_ID_RE.test(id) ? id : null;
}

/** The token in a pasted board link (`…/s/<id>#t=<token>`), or null. */
export function parseJoinToken(input: string): string | null {
  const hash = input.trim().split('#')[1];
  return hash === undefined ? null : tokenFromHash(hash);
}
