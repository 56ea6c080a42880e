import { it } from 'vitest';
import * as Y from 'yjs';
import { EncodedDoc } from '@wcb/sync-server';
import { encodeUpdate, plainAny } from '../tests/support/hostile-updates';
import * as encoding from 'lib0/encoding';
it('cost', () => {
  // many tiny GC structs alternating with items? use many clients with one GC each
  const e = new Y.UpdateEncoderV1();
  const n = 1_500_000;
  encoding.writeVarUint(e.restEncoder, 1);
  encoding.writeVarUint(e.restEncoder, n);
  e.writeClient(5);
  encoding.writeVarUint(e.restEncoder, 0);
  for (let i = 0; i < n; i++) { e.writeInfo(0); e.writeLen(1); } // GC structs
  encoding.writeVarUint(e.restEncoder, 0);
  const u = e.toUint8Array();
  console.log('bytes', u.length);
  let t = performance.now();
  const d = new EncodedDoc();
  try { d.apply(u, 'x'); } catch (err) { console.log('threw', (err as Error).message); }
  console.log('gc structs apply ms', performance.now() - t);
  const items = Array.from({ length: 400_000 }, (_, i) => ({ content: plainAny(i), parentSub: 'k' }));
  const u2 = encodeUpdate([{ client: 6, clock: 0, items }]);
  console.log('bytes2', u2.length);
  t = performance.now();
  try { new EncodedDoc().apply(u2, 'x'); } catch (err) { console.log('threw', (err as Error).message); }
  console.log('items apply ms', performance.now() - t);
});
