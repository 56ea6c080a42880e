import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUILD = fileURLToPath(new URL('../../scripts/build-server.mjs', import.meta.url));

/**
 * Global setup of the projects that start the server as its own process: builds it to
 * sync-server/dist first (esbuild, well under a second), so those tests run the JavaScript that
 * `npm start` runs, built from the sources as they are now, also when a project runs on its own.
 */
export default function setup(): void {
  execFileSync(process.execPath, [BUILD], { stdio: ['ignore', 'inherit', 'inherit'] });
}
