// Types of scripts/system-deps.mjs (plain JavaScript so that it runs before anything is built).
export interface Requirement {
  /** chromium | soffice | pdftotext | redis-server | postgres */
  readonly id: string;
  /** The program as the message names it. */
  readonly program: string;
  /** The Debian package that installs it. */
  readonly pkg: string;
  /** Which tests need it. */
  readonly neededBy: string;
  /** Its path when installed, else null. */
  find(): string | null;
}
export const REQUIREMENTS: readonly Requirement[];
export const SKIP_ENV: string;
export function onPath(name: string): string | null;
export function chromiumPath(): string | null;
export function postgresBinDir(): string | null;
export function missingRequirements(ids?: readonly string[]): Requirement[];
export function installCommand(missing: readonly Requirement[]): string;
export function isCI(): boolean;
export function skipReason(ids: readonly string[]): string | null;
