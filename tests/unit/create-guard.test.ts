import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { noMetrics, type Metrics, type RejectReason } from '@wcb/sync-server';
import { CreateGuard, type CreateLimits } from '../../sync-server/src/create-guard';
import { HttpError } from '../../sync-server/src/http-util';

const request = (address: string): IncomingMessage => ({ socket: { remoteAddress: address }, headers: {} }) as unknown as IncomingMessage;
const LIMITS: CreateLimits = { sessionCreateBurst: 2, sessionCreatesPerHour: 60, maxSessions: 100, maxStorageBytes: 1000, trustProxy: 0 };

function guardWith(store: { sessions?: number; bytes?: () => number } = {}, limits: Partial<CreateLimits> = {}) {
  let now = 0;
  const rejected: RejectReason[] = [];
  const metrics: Metrics = { ...noMetrics, rejected: (reason) => rejected.push(reason) };
  let measured = 0;
  const guard = new CreateGuard(
    {
      countSessions: async () => store.sessions ?? 0,
      totalBytes: async () => {
        measured += 1;
        return store.bytes?.() ?? 0;
      },
    },
    { ...LIMITS, ...limits },
    metrics,
    () => now,
  );
  return { guard, rejected, advance: (ms: number) => (now += ms), measurements: () => measured };
}

const refusal = (run: () => unknown): HttpError => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
  }
  throw new Error('expected an HttpError');
};

describe('CreateGuard', () => {
  it('lets a burst through, then one per minute, telling how long to wait', () => {
    const { guard, rejected, advance } = guardWith();
    guard.admit(request('10.0.0.1'));
    guard.admit(request('10.0.0.1'));
    const first = refusal(() => guard.admit(request('10.0.0.1')));
    expect(first.status).toBe(429);
    expect(first.headers['Retry-After']).toBe('60');
    advance(45_000);
    expect(refusal(() => guard.admit(request('10.0.0.1'))).headers['Retry-After']).toBe('15');
    advance(15_000);
    expect(() => guard.admit(request('10.0.0.1'))).not.toThrow();
    expect(rejected).toEqual(['create-rate-limited', 'create-rate-limited']);
  });

  it('keeps one budget per address', () => {
    const { guard } = guardWith({}, { sessionCreateBurst: 1 });
    guard.admit(request('10.0.0.1'));
    expect(() => guard.admit(request('10.0.0.2'))).not.toThrow();
    expect(refusal(() => guard.admit(request('10.0.0.1'))).status).toBe(429);
  });

  it('refuses with 507 at the session quota and over the byte quota', async () => {
    await expect(guardWith({ sessions: 100 }).guard.checkQuota()).rejects.toMatchObject({ status: 507 });
    await expect(guardWith({ sessions: 99 }).guard.checkQuota()).resolves.toBeUndefined();
    await expect(guardWith({ bytes: () => 1001 }).guard.checkQuota()).rejects.toMatchObject({ status: 507 });
    await expect(guardWith({ bytes: () => 1001 }, { maxStorageBytes: null }).guard.checkQuota()).resolves.toBeUndefined();
  });

  it('measures the store at most once per five seconds', async () => {
    let bytes = 10;
    const { guard, advance, measurements } = guardWith({ bytes: () => bytes });
    await guard.checkQuota();
    bytes = 5000;
    await guard.checkQuota();
    expect(measurements()).toBe(1);
    advance(5_001);
    await expect(guard.checkQuota()).rejects.toMatchObject({ status: 507 });
    expect(measurements()).toBe(2);
  });
});
