/**
 * Headers every HTTP answer carries, pages and errors alike (PROTOCOL.md, "Security headers").
 * Links travel as printed QR codes, so any page may be opened by anyone, framed by anything and
 * fed content by an attacker; these make the browser refuse what the app never does.
 */

/**
 * Scripts only from our own files (the built client has no inline script; vite-plugin-pwa's
 * registration is bundled), no plugins, no <base> rewriting, no framing (clickjacking).
 * `connect-src 'self'` covers the same-origin ws:/wss: socket in CSP Level 3 browsers; the
 * explicit schemes are not added because they would allow any host.
 * `style-src 'unsafe-inline'` is a margin, not a need: Solid sets style props through the CSSOM,
 * which CSP never blocks (the board ran clean without it in tests/e2e/csp.test.ts), but a style
 * attribute written into markup would be refused, and a style cannot run script.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': contentSecurityPolicy(),
  // A file is what its Content-Type says, never what a sniffer guesses (an upload as a script).
  'X-Content-Type-Options': 'nosniff',
  // Board paths carry session ids; no other site needs to learn them.
  'Referrer-Policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
});
