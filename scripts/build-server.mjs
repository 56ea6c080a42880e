#!/usr/bin/env node
// Builds the sync server to JavaScript: sync-server/dist/main.mjs (npm start) and
// sync-server/dist/cli.mjs (npm run export / import / backup).
//
// esbuild, not tsc: one bundle per entry point loads in one read instead of hundreds of module
// resolutions (cold start), there is no TypeScript compiler in the production process (memory),
// and it takes well under a second, so the tests build the server before they start it.
//
// What is bundled: our own code, i.e. sync-server/src and the @wcb/shared workspace package (its
// package.json points at TypeScript sources, which plain Node cannot load). What is not: every
// npm package. They stay imports resolved from node_modules at run time, so there is exactly one
// copy of each (yjs must be one copy: two would not recognise each other's types), and native
// modules (better-sqlite3) load as they do under tsx.
//
// Code splitting keeps what the server loads lazily (the DOCX and PDF renderers and their
// libraries) out of the start-up path. Files are only written when their content changed and
// nothing is deleted, so rebuilding under a running server never removes a chunk it may still
// load.
//
// Usage: node scripts/build-server.mjs [--quiet]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'sync-server', 'src');
export const DIST = join(ROOT, 'sync-server', 'dist');
const quiet = process.argv.includes('--quiet');

/** Bare imports of npm packages stay external; our workspace packages (@wcb/*) are bundled. */
const externalPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@wcb/') || args.kind === 'entry-point') return undefined;
      return { path: args.path, external: true };
    });
  },
};

export async function buildServer() {
  const started = performance.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(SRC, 'main.ts'), cli: join(SRC, 'cli', 'main.ts') },
    outdir: DIST,
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside the entry points, not in a subfolder: code that finds files relative to
    // itself (import.meta.url: the client build at ../../client/dist) must see
    // the same depth as in sync-server/src/*.ts, whichever file esbuild puts it in.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    // Stack traces in logs name our functions; the gain of minifying a server is nil.
    minify: false,
    legalComments: 'none',
    plugins: [externalPackages],
    write: false,
    logLevel: 'warning',
  });
  await mkdir(DIST, { recursive: true });
  let written = 0;
  for (const file of result.outputFiles) {
    if (await sameContent(file.path, file.contents)) continue;
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
    written++;
  }
  const ms = Math.round(performance.now() - started);
  if (!quiet) {
    process.stdout.write(`sync server built to ${relative(ROOT, DIST)}/ (main.mjs, cli.mjs; ${written} file(s) changed) in ${ms} ms\n`);
  }
}

async function sameContent(path, contents) {
  try {
    return Buffer.compare(await readFile(path), Buffer.from(contents)) === 0;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildServer().catch((error) => {
    process.stderr.write(`sync server build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
