/// <reference types="vite/client" />
// registerSW from 'virtual:pwa-register' (the tsconfig only lists the Solid flavour).
/// <reference types="vite-plugin-pwa/vanillajs" />
