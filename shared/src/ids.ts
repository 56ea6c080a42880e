// Ids are random and URL-safe. Each symbol carries 6 bits: 22 symbols = 132 bits, so sessions
// created offline on different laptops never collide in practice.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function randomId(symbols = 22): string {
  const buf = new Uint8Array(symbols);
  crypto.getRandomValues(buf);
  let out = '';
  // 64-symbol alphabet: one byte -> one symbol using its low 6 bits keeps it uniform.
  for (const b of buf) out += ALPHABET[b & 63];
  // Never a leading '-': command lines (npm run export -- <id>) would read the id as an option.
  // Mapping it to a letter costs 0.02 bits of the first symbol's 6.
  return out.startsWith('-') ? `A${out.slice(1)}` : out;
}

/** Ids for records inside one session (notes, topics, tables): 12 symbols = 72 bits. */
export const recordId = (): string => randomId(12);
