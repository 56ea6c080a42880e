import { describe, expect, it } from 'vitest';
import { boardLink, buildKit, buildSessionDocs, rotationLine, seatedLink, tableFromHash } from '@wcb/shared';

describe('seated links', () => {
  it('carry the participant token and the table in the fragment, and read back', () => {
    const link = seatedLink('https://b.example', 'Sess_12345678', 'tok_ABCDEFGHIJKLMNOPQRS', 't2');
    expect(link).toBe('https://b.example/s/Sess_12345678#t=tok_ABCDEFGHIJKLMNOPQRS&table=t2');
    expect(tableFromHash(new URL(link).hash)).toBe('t2');
    expect(boardLink('https://b.example', 'Sess_12345678', 'tok')).toBe('https://b.example/s/Sess_12345678#t=tok');
  });

  it('a table parameter that is not a record id is no table', () => {
    for (const hash of ['#t=x', '#t=x&table=', '#t=x&table=a%2Fb', '#t=x&table=<script>', `#t=x&table=${'a'.repeat(65)}`]) expect(tableFromHash(hash), hash).toBeNull();
  });
});

describe('the kit model', () => {
  it('gives each table its line of the rotation plan and its seated link; the facilitator link only when given', () => {
    const { control } = buildSessionDocs({ sessionId: 'Sess_12345678', templateId: 'world-cafe-ngo', language: 'en' });
    const kit = buildKit(control, { sessionId: 'Sess_12345678', origin: 'https://b.example', participantToken: 'P', viewerToken: 'V', facilitatorToken: null });
    expect(kit.tables.map((t) => t.name)).toEqual(['Table 1', 'Table 2', 'Table 3']);
    expect(rotationLine(kit, kit.tables[1]!)).toBe('The host stays at this table for every round. Everyone else: round 1: here · round 2: Table 3 · round 3: Table 1');
    expect(kit.tables[0]!.link).toBe('https://b.example/s/Sess_12345678#t=P&table=t1');
    expect(kit.facilitatorLink).toBeNull();
    expect(kit.questions).toHaveLength(3);
    expect(kit.runSheet).toEqual([]);
  });
});
