import { ConfigError, loadConfig } from './config';
import { createJsonLogger } from './logger';
import { createSyncServer } from './server';
import { describeBackends, instanceIdOf } from './backends';

async function main(): Promise<void> {
  const loaded = loadConfig(process.env, process.argv);
  // Scale-out: fixed here so the log line names the id this instance uses on the bus.
  const config = { ...loaded, instanceId: instanceIdOf(loaded) };
  const logger = createJsonLogger(config.logLevel);
  const server = createSyncServer(config, { logger });
  const { port } = await server.listen();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info('sync server listening', {
    url: `http://${shownHost}:${port}`,
    instance: config.instanceId,
    ...describeBackends(config),
  });

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
  // Started by a parent process (tests, a supervisor) over IPC: tell it the real port, which is
  // the only way to learn it with PORT=0, and shut down cleanly if the parent goes away.
  if (process.send) {
    process.send({ type: 'listening', port });
    process.once('disconnect', () => stop('SIGTERM'));
  }
}

main().catch((error: unknown) => {
  // Plain text on stderr: the JSON logger may not exist yet (bad config).
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `sync server failed to start: ${detail}\n`);
  process.exit(1);
});
