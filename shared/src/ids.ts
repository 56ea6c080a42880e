// Ids are random, URL-safe and unguessable enough to double as capability-free room names.
// 16 bytes = 128 bits: collisions between offline-created sessions are not a practical concern.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function randomId(bytes = 16): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let out = '';
  // 64-symbol alphabet: one byte -> one symbol using its low 6 bits keeps it uniform.
  for (const b of buf) out += ALPHABET[b & 63];
  return out;
}

/** Short ids for records inside a session (notes, topics, tables): 12 symbols = 72 bits. */
export const recordId = (): string => randomId(12);
