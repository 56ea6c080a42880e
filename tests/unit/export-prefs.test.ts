import { describe, expect, it } from 'vitest';
import { AS_SEED_003 } from '@wcb/shared/harvest';
import { loadExportOptions, saveExportOptions } from '../../client/src/lib/export-prefs';
import type { KeyValueStore } from '../../client/src/lib/storage';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('export options are remembered per session on this device', () => {
  it('a session without a choice gets seed 003’s shape; a choice is kept for that session only', () => {
    const store = memory();
    expect(loadExportOptions(store, 'a')).toEqual(AS_SEED_003);
    saveExportOptions(store, 'a', { provenance: 'place', charts: true });
    saveExportOptions(store, 'a', { heading: 'Підсумки' });
    expect(loadExportOptions(store, 'a')).toEqual({ provenance: 'place', charts: true, heading: 'Підсумки', participation: false });
    expect(loadExportOptions(store, 'b')).toEqual(AS_SEED_003);
  });

  it('a stored value from elsewhere (another version, hand-edited) falls back field by field', () => {
    const store = memory();
    store.setItem('wcb.export.a', JSON.stringify({ provenance: 'everything', charts: 'yes', heading: 'x'.repeat(500) }));
    const read = loadExportOptions(store, 'a');
    expect(read.provenance).toBe('none');
    expect(read.charts).toBe(false);
    expect(read.heading).toHaveLength(200);
    store.setItem('wcb.export.b', '{broken');
    expect(loadExportOptions(store, 'b')).toEqual(AS_SEED_003);
  });
});
