import { createSyncServer, loadConfig, MemoryStorage, createJsonLogger } from '@wcb/sync-server';

/**
 * The server as main.ts builds it, for benchmarks that compare storage: BENCH_STORAGE=memory runs it
 * with nothing stored (the "storage off" baseline); anything else is the durable default.
 */
const config = loadConfig(process.env, process.argv);
const storage = process.env.BENCH_STORAGE === 'memory' ? new MemoryStorage() : undefined;
const server = createSyncServer(config, { logger: createJsonLogger(config.logLevel), ...(storage ? { storage } : {}) });
const { port } = await server.listen();
process.send?.({ type: 'listening', port });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
