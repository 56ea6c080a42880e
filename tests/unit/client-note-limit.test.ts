import { describe, expect, it } from 'vitest';
import { MAX_NOTE_TEXT, overlongLines } from '@wcb/shared';
import { counterFrom, droppedBy, limitNotice } from '../../client/src/views/board/note-limit';

describe("a note's length limit, told", () => {
  it('a paste says how many characters did not fit, counting what the selection frees', () => {
    expect(limitNotice({ length: 0, selected: 0 }, 5000, 2000)).toBe(3000);
    expect(limitNotice({ length: 1500, selected: 0 }, 600, 2000)).toBe(100);
    expect(limitNotice({ length: 1500, selected: 200 }, 600, 2000)).toBeNull();
    expect(droppedBy({ length: 1990, selected: 0 }, 5, 2000)).toBe(0);
  });

  it('typing into a full note says it is full; deleting or nothing says nothing', () => {
    expect(limitNotice({ length: 2000, selected: 0 }, 1, 2000)).toBe(0);
    expect(limitNotice({ length: 2000, selected: 5 }, 1, 2000)).toBeNull();
    expect(limitNotice({ length: 2000, selected: 0 }, 0, 2000)).toBeNull();
  });

  it('the counter shows from 90% of the limit', () => {
    expect(counterFrom(MAX_NOTE_TEXT)).toBe(1800);
  });

  it('pasted lines longer than a note are counted before they are cut', () => {
    expect(overlongLines(`short\n- ${'x'.repeat(MAX_NOTE_TEXT + 1)}\n${'y'.repeat(MAX_NOTE_TEXT)}\n${'z'.repeat(5000)}`)).toBe(2);
  });
});
