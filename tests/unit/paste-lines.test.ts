import { describe, expect, it } from 'vitest';
import { linesToNotes, MAX_PASTED_NOTES } from '@wcb/shared';

describe('pasting lines into a column', () => {
  it('makes one note per non-empty line and drops list markers', () => {
    expect(linesToNotes('- Довіра\r\n\n• Прозорість\n  3) Відкритість  \n1. Trust\nа) Участь\n*  Dialogue')).toEqual([
      'Довіра',
      'Прозорість',
      'Відкритість',
      'Trust',
      'Участь',
      'Dialogue',
    ]);
  });

  it('keeps a line that only starts like a marker, and cleans control characters', () => {
    expect(linesToNotes('-5% budget\n2024 plan\nbell\u0007 here')).toEqual(['-5% budget', '2024 plan', 'bell here']);
  });

  it('refuses a paste that would make too many notes, naming the count', () => {
    const many = Array.from({ length: MAX_PASTED_NOTES + 1 }, (_, i) => `idea ${i}`).join('\n');
    expect(() => linesToNotes(many)).toThrow(`That paste has ${MAX_PASTED_NOTES + 1} lines`);
  });
});
