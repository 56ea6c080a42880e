/**
 * Where a text selection should go when the text changes under it (someone else typed in the same
 * note): positions before the changed span stay, positions after it shift by the length change,
 * positions inside it move to the end of the new span.
 */
export function rebaseSelection(prev: string, next: string, start: number, end: number): [number, number] {
  let head = 0;
  const max = Math.min(prev.length, next.length);
  while (head < max && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < max - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const prevEnd = prev.length - tail;
  const nextEnd = next.length - tail;
  const map = (pos: number): number => (pos <= head ? pos : pos >= prevEnd ? pos + (nextEnd - prevEnd) : nextEnd);
  return [map(start), map(end)];
}
