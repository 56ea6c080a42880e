import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '@wcb/shared/wire';
import { pdfBytesText } from './helpers/pdftotext';
import { tokenOfLink } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('GET /api/sessions/:id/kit.pdf', () => {
  let server: TestServer;
  let session: CreateSessionResponse;
  const tokens = () => ({
    facilitator: tokenOfLink(session.links.facilitator),
    participant: tokenOfLink(session.links.participant),
    viewer: tokenOfLink(session.links.viewer),
  });
  const get = (headers: Record<string, string>, query = '', id = session.id) => fetch(`${server.url}/api/sessions/${id}/kit.pdf${query}`, { headers });
  const full = (bearer: string) => ({ authorization: `Bearer ${bearer}`, 'x-participant-token': tokens().participant, 'x-viewer-token': tokens().viewer });

  beforeEach(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'world-cafe-ngo', language: 'en', title: 'Spring café' }),
    });
    session = (await res.json()) as CreateSessionResponse;
  });
  afterEach(async () => {
    await server.stop();
  });

  it('the facilitator gets the kit as a PDF named by title and date, A4 unless Letter is asked for', async () => {
    const res = await get(full(tokens().facilitator));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toContain(`Spring-caf`);
    const a4 = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    // Poster, three tent cards, the facilitator sheet.
    expect(a4.getPageCount()).toBeGreaterThanOrEqual(5);
    expect(Math.round(a4.getPage(0).getWidth())).toBe(595);
    const letter = await PDFDocument.load(new Uint8Array(await (await get(full(tokens().facilitator), '?paper=letter')).arrayBuffer()));
    expect(letter.getPage(0).getWidth()).toBe(612);
    expect((await get(full(tokens().facilitator), '?paper=a3')).status).toBe(400);
  });

  it('401 without a token or with a wrong one, 403 for a participant or viewer, 404 for an unknown session', async () => {
    const none = await get({ 'x-participant-token': tokens().participant, 'x-viewer-token': tokens().viewer });
    expect(none.status).toBe(401);
    expect((await get(full('not-a-real-token-at-all'))).status).toBe(401);
    expect((await get(full(tokens().participant))).status).toBe(403);
    expect((await get(full(tokens().viewer))).status).toBe(403);
    expect((await get(full(tokens().facilitator), '', 'NoSuchSession_0000000')).status).toBe(404);
  });

  it('400 unless the participant and viewer tokens it prints are this session\'s, since the server keeps only their hashes', async () => {
    const { facilitator, participant, viewer } = tokens();
    expect((await get({ authorization: `Bearer ${facilitator}`, 'x-viewer-token': viewer })).status).toBe(400);
    // A swapped pair would print a viewer link as the participant's.
    const swapped = await get({ authorization: `Bearer ${facilitator}`, 'x-participant-token': viewer, 'x-viewer-token': participant });
    expect(swapped.status).toBe(400);
    expect(((await swapped.json()) as { error: string }).error).toContain('participant');
  });

  it("prints links with this request's own scheme, taking a proxy's word for it only behind a trusted proxy", async () => {
    const textOf = async (res: Response): Promise<string> => pdfBytesText(new Uint8Array(await res.arrayBuffer()));
    const claimsHttps = { ...full(tokens().facilitator), 'x-forwarded-proto': 'https' };
    const direct = await textOf(await get(claimsHttps));
    expect(direct).toContain('http://127.0.0.1');
    expect(direct).not.toContain('https://');
    await server.stop();
    server = await startTestServer({ config: { trustProxy: 1 } });
    const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    session = (await res.json()) as CreateSessionResponse;
    expect(await textOf(await get({ ...full(tokens().facilitator), 'x-forwarded-proto': 'https' }))).toContain('https://127.0.0.1');
  });
});
