import { ConfigError, loadConfig } from './config';
import { createJsonLogger } from './logger';
import { createSyncServer } from './server';
import { SqliteStorage } from './storage/sqlite';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv);
  const logger = createJsonLogger(config.logLevel);
  const storage = new SqliteStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
  const server = createSyncServer(config, { storage, logger });
  const { port } = await server.listen();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info('sync server listening', { url: `http://${shownHost}:${port}`, dataDir: config.dataDir });

  const stop = (signal: NodeJS.Signals): void => {
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Plain text on stderr: the JSON logger may not exist yet (bad config).
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `sync server failed to start: ${detail}\n`);
  process.exit(1);
});
