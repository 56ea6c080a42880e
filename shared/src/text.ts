import type * as Y from 'yjs';

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Turns `text` into `target` by editing only the changed middle (common prefix and suffix are
 * kept), so a concurrent edit elsewhere in the same text survives. Call inside a transaction.
 */
export function replaceText(text: Y.Text, target: string): void {
  const prev = text.toString();
  if (prev === target) return;
  let start = 0;
  while (start < prev.length && start < target.length && prev[start] === target[start]) start++;
  // Never cut between the halves of a surrogate pair (👍 and 👎 share their first half): Yjs would
  // store the halves apart and replace them with U+FFFD, differently on different peers.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let endPrev = prev.length;
  let endNext = target.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === target[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  if (endPrev > start) text.delete(start, endPrev - start);
  if (endNext > start) text.insert(start, target.slice(start, endNext));
}
