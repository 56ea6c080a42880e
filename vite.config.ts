import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

// One config for the client build and for every test project.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [
    solid(),
    VitePWA({
      // The service worker precaches the app shell so a shared laptop can reload the board
      // with no network at all; board data itself lives in IndexedDB (y-indexeddb).
      registerType: 'autoUpdate',
      injectRegister: null,
      workbox: {
        // ttf: the PDF export's embedded fonts, so it works offline too.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,ttf}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/ws\//, /^\/healthz/],
        // The first visit's worker takes over at once, so a reload with no network right after
        // creating a session already comes from the cache.
        clientsClaim: true,
        skipWaiting: true,
      },
      manifest: {
        name: 'World Café Board',
        short_name: 'Café Board',
        description: 'Collaborative, offline-capable board for World Café workshops',
        theme_color: '#1f4e79',
        background_color: '#f6f4ef',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
    }),
  ],
  // manifest: which chunks each page needs, for the bundle benchmark (dist/.vite/manifest.json).
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    root: '.',
    // vite-plugin-solid would default tests to jsdom; every project here runs in Node.
    environment: 'node',
    // The last line of a run reads "N passed, N failed" for CI, which does not parse Vitest's summary.
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', root: '.', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // Not `extends: true`: the Solid plugin adds the 'browser' resolve condition in tests,
        // which would load ws's browser stub instead of the real server.
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // The process, crash, CLI and scale-out tests run the built server (sync-server/dist).
          globalSetup: ['tests/support/build-server.global.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/build-server.global.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
