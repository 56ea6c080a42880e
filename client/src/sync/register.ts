import { findTemplate, type Language } from '@wcb/shared';

/**
 * Tells the server about a session created in this browser (`POST /api/sessions {id}`). Fire and
 * forget: when it fails (offline, server down) the board simply tries again next time it opens,
 * and the documents themselves reach the server through the websocket providers either way.
 * Template and language are optional metadata for the server's session record.
 */
export async function registerSession(id: string, details: { template?: string; language?: Language } = {}): Promise<boolean> {
  const body: Record<string, string> = { id };
  if (details.template && findTemplate(details.template)) body.template = details.template;
  if (details.language) body.language = details.language;
  try {
    const res = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // 201 registered, 200 already known (another tab, or an earlier attempt whose answer was lost).
    return res.ok;
  } catch {
    return false;
  }
}
