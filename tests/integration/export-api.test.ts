import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addNote, phaseMaps } from '@wcb/shared';
import { type SessionJson } from '@wcb/shared/harvest';
import type { CreateSessionResponse } from '@wcb/shared/wire';
import { connectClient, waitUntil, type TestClient } from './helpers/clients';
import { tokenOfLink } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('GET /api/sessions/:id/export.:format', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  let session: CreateSessionResponse;
  const get = (format: string, token?: string) =>
    fetch(`${server.url}/api/sessions/${session.id}/export.${format}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeEach(async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'world-cafe-ngo', language: 'uk', title: 'Весняне кафе' }),
    });
    session = (await res.json()) as CreateSessionResponse;
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  /** A participant writes a note through the stock client; resolves once the server stored it. */
  async function writeNote(text: string): Promise<void> {
    const client = connectClient(server.wsUrl, session.rooms.phases.ideal!, { token: tokenOfLink(session.links.participant) });
    clients.push(client);
    await client.synced();
    addNote(client.doc, { topic: 'government', text });
    // The relay persists before it relays: a second client seeing the note means storage has it.
    const other = connectClient(server.wsUrl, session.rooms.phases.ideal!, { token: tokenOfLink(session.links.viewer) });
    clients.push(other);
    await waitUntil('the viewer sees the note', () => phaseMaps(other.doc).notes.size > 0, [[other.doc, 'update']]);
  }

  it('the facilitator downloads the results as Markdown, HTML, CSV and JSON, named by title and date', async () => {
    await writeNote('Довіра <script>');
    const fac = tokenOfLink(session.links.facilitator);
    for (const [format, type] of [
      ['md', 'text/markdown'],
      ['html', 'text/html'],
      ['csv', 'text/csv'],
      ['json', 'application/json'],
    ] as const) {
      const res = await get(format, fac);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      const date = new Date().toISOString().slice(0, 10);
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`Весняне-кафе-${date}.${format}`)}`);
      const body = await res.text();
      if (format === 'json') {
        const json = JSON.parse(body) as SessionJson;
        expect(json.sessionId).toBe(session.id);
        expect(Object.keys(json.phases).sort()).toEqual(['ideal', 'reality', 'steps']);
      } else expect(body, format).toContain(format === 'md' ? 'Довіра \\<script>' : format === 'html' ? 'Довіра &lt;script&gt;' : 'Довіра <script>');
    }
  });

  it('the facilitator downloads the results as DOCX and PDF documents', async () => {
    await writeNote('Довіра');
    const fac = tokenOfLink(session.links.facilitator);
    const docx = await get('docx', fac);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = new Uint8Array(await docx.arrayBuffer());
    expect(String.fromCharCode(...zip.slice(0, 2))).toBe('PK');
    const pdf = await get('pdf', fac);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(String.fromCharCode(...bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf.headers.get('content-disposition')).toMatch(/\.pdf$/);
  });

  it('only the facilitator token exports: participant 403, none 401, wrong 401, unknown session 404, unknown format 404', async () => {
    expect((await get('md', tokenOfLink(session.links.participant))).status).toBe(403);
    expect((await get('md', tokenOfLink(session.links.viewer))).status).toBe(403);
    expect((await get('md')).status).toBe(401);
    expect((await get('md', 'not-the-token')).status).toBe(401);
    expect((await get('exe', tokenOfLink(session.links.facilitator))).status).toBe(404);
    const unknown = await fetch(`${server.url}/api/sessions/nosuchsession1/export.md`, {
      headers: { authorization: `Bearer ${tokenOfLink(session.links.facilitator)}` },
    });
    expect(unknown.status).toBe(404);
    const post = await fetch(`${server.url}/api/sessions/${session.id}/export.md`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
