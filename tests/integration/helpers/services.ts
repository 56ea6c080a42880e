/**
 * Real PostgreSQL and Redis servers for the scale-out tests, each in a temp dir on a free
 * loopback port, torn down by the returned stop(). Nothing here sleeps: readiness is polled
 * with a bounded number of attempts that each check a real condition (a connection works).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

export interface PostgresService {
  /** postgres://postgres@127.0.0.1:<port>/<database>: a fresh database for the caller. */
  readonly url: string;
  /** Creates another empty database on the same server (a fresh name unless given) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** The URL a database of that name has (or would have) on this server. */
  urlOf(name: string): string;
  stop(): Promise<void>;
}

export interface RedisService {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** SIGKILLs the server: whatever it was delivering is lost (Redis pub/sub keeps nothing). */
  kill(): Promise<void>;
  /** Starts a fresh server on the same port after kill(); subscribers must reconnect. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const POSTGRES_BIN_ROOT = '/usr/lib/postgresql';
const REDIS_SERVER = '/usr/bin/redis-server';
// Each attempt is one real connection try; 200 × 50 ms bounds a cold initdb'd server's startup.
const READY_ATTEMPTS = 200;
const RETRY_PAUSE_MS = 50;

/** The newest installed PostgreSQL's bin dir, or null (then the callers skip with a reason). */
export function postgresBinDir(): string | null {
  if (!existsSync(POSTGRES_BIN_ROOT)) return null;
  const versions = readdirSync(POSTGRES_BIN_ROOT)
    .filter((v) => existsSync(join(POSTGRES_BIN_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(POSTGRES_BIN_ROOT, versions[0], 'bin') : null;
}

export const redisAvailable = (): boolean => existsSync(REDIS_SERVER);

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Calls `attempt` until it resolves, at most READY_ATTEMPTS times; `exited` aborts early. */
async function retry<T>(what: string, attempt: () => Promise<T>, exited: () => string | null): Promise<T> {
  let last: unknown;
  for (let i = 0; i < READY_ATTEMPTS; i++) {
    const gone = exited();
    if (gone) throw new Error(`${what}: ${gone}`);
    try {
      return await attempt();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
  throw new Error(`${what}: not ready after ${READY_ATTEMPTS} attempts`, { cause: last });
}

interface Child {
  readonly process: ChildProcess;
  readonly output: string[];
  readonly exited: Promise<void>;
  exitReason(): string | null;
}

function launch(command: string, args: string[], user: { uid: number; gid: number } | null = null): Child {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let reason: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      reason = `exited (code ${code}, signal ${signal}):\n${output.join('')}`;
      resolve();
    });
    child.once('error', (error) => {
      reason = `failed to start: ${error.message}`;
      resolve();
    });
  });
  return { process: child, output, exited, exitReason: () => reason };
}

async function terminate(child: Child, signal: NodeJS.Signals): Promise<void> {
  if (child.exitReason() === null) child.process.kill(signal);
  await child.exited;
}

let databaseCounter = 0;

/**
 * initdb + postgres as the `postgres` user (the server refuses to run as root), data and socket
 * in a temp dir, TCP on a free loopback port with trust auth.
 */
/** How long a test file may wait for initdb + PostgreSQL (or Redis) to start. */
export const SERVICE_START_MS = 60_000;

export async function startPostgres(): Promise<PostgresService> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const root = await mkdtemp(join(tmpdir(), 'wcb-pg-'));
  const dataDir = join(root, 'data');
  await chmod(root, 0o755);
  // Spawned straight under the postgres uid (no runuser in between), so our signals reach it.
  const user = process.getuid?.() === 0 ? postgresUser() : null;
  if (user) await chown(root, user.uid, user.gid);

  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8'],
    { encoding: 'utf8', cwd: root, ...(user ?? {}) },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);

  const port = await freePort();
  const child = launch(
    join(bin, 'postgres'),
    [
      '-D', dataDir, '-p', String(port), '-k', root,
      '-c', 'listen_addresses=127.0.0.1',
      // A test database: durability across power loss is not what these tests are about.
      '-c', 'fsync=off', '-c', 'full_page_writes=off',
    ],
    user,
  );
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  try {
    await retry('postgres', async () => {
      const probe = new pg.Client({ connectionString: `${base}/postgres` });
      try {
        await probe.connect();
        await probe.query('SELECT 1');
      } finally {
        await probe.end().catch(() => {});
      }
    }, child.exitReason);
    await admin.connect();
  } catch (error) {
    await terminate(child, 'SIGKILL');
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  const createDatabase = async (name = `wcb_test_${process.pid}_${++databaseCounter}`): Promise<string> => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    return `${base}/${name}`;
  };
  const url = await createDatabase();
  let stopped: Promise<void> | undefined;
  return {
    url,
    createDatabase,
    urlOf: (name) => `${base}/${name}`,
    stop: () =>
      (stopped ??= (async () => {
        await admin.end().catch(() => {});
        // SIGQUIT = immediate shutdown: the data dir is deleted next, a checkpoint would be wasted.
        await terminate(child, 'SIGQUIT');
        await rm(root, { recursive: true, force: true });
      })()),
  };
}

/** PostgreSQL refuses to run as root; the Debian package creates this user. */
function postgresUser(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) throw new Error('running as root, but there is no postgres user');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** redis-server on a free port with persistence off: pub/sub only, nothing survives a kill. */
export async function startRedis(): Promise<RedisService> {
  const port = await freePort();
  let child: Child | null = null;

  const boot = async (): Promise<void> => {
    const current = launch(REDIS_SERVER, [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    ]);
    child = current;
    await retry('redis', async () => {
      const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {});
      try {
        await probe.connect();
        if ((await probe.ping()) !== 'PONG') throw new Error('no PONG');
      } finally {
        probe.disconnect();
      }
    }, current.exitReason);
  };
  await boot();

  const kill = async (): Promise<void> => {
    if (child) await terminate(child, 'SIGKILL');
  };
  let stopped: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: async () => {
      await kill();
      await boot();
    },
    stop: () => (stopped ??= kill()),
  };
}
