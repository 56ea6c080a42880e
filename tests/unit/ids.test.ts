import { describe, expect, it } from 'vitest';
import { randomId, recordId, SESSION_ID_RE } from '@wcb/shared';

describe('ids', () => {
  it('session ids are 22 URL-safe symbols and never start with "-", which a command line would read as an option', () => {
    // Without the rule, 5,000 ids start with '-' about 78 times.
    const ids = Array.from({ length: 5000 }, () => randomId());
    expect(ids.every((id) => SESSION_ID_RE.test(id) && id.length === 22 && !id.startsWith('-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(recordId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{11}$/);
  });
});
