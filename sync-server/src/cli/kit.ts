import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isKitPaper, SESSION_ID_RE, type Role } from '@wcb/shared';
import { makeFontLoader } from '../fonts';
import { renderStoredKit } from '../kit-api';
import { SqliteStorage } from '../storage/sqlite';
import { roleForToken } from '../tokens';
import { parseCli, UsageError } from './args';

const USAGE =
  'usage: npm run kit -- [--] <session-id> --origin https://board.example.org --participant-token T --viewer-token T ' +
  '[--facilitator-token T] [--paper a4|letter] [--out FILE] [--data-dir DIR]\n' +
  '  tokens may come from $WCB_PARTICIPANT_TOKEN, $WCB_VIEWER_TOKEN, $WCB_FACILITATOR_TOKEN instead (flags show in ps)';

const ENV: Record<Role, string> = { participant: 'WCB_PARTICIPANT_TOKEN', viewer: 'WCB_VIEWER_TOKEN', facilitator: 'WCB_FACILITATOR_TOKEN' };

/**
 * `npm run kit`: the printable table kit straight from the store. The store keeps only hashes of
 * the tokens, so the links' tokens are given (from the share dialog or the import's output) and
 * checked against them; the origin is where people open the board.
 */
export async function runKit(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const args = parseCli(argv, env, ['origin', 'participant-token', 'viewer-token', 'facilitator-token', 'paper', 'out']);
  const [sessionId] = args.positionals;
  if (!sessionId || args.positionals.length > 1) throw new UsageError('give exactly one session id');
  if (!SESSION_ID_RE.test(sessionId)) throw new UsageError(`"${sessionId}" is not a session id`);
  const paper = args.values.paper ?? 'a4';
  if (!isKitPaper(paper)) throw new UsageError(`unknown paper "${paper}"`);
  let origin: string;
  try {
    origin = new URL(args.values.origin ?? '').origin;
  } catch {
    throw new UsageError('give --origin, the address people open the board at (https://…)');
  }
  const storage = new SqliteStorage({ dataDir: args.dataDir, synchronous: 'FULL' });
  try {
    const session = await storage.getSession(sessionId);
    if (!session) throw new UsageError(`no session ${sessionId} in ${args.dataDir}`);
    const token = (role: Role, required: boolean): string | null => {
      const value = args.values[`${role}-token`] ?? env[ENV[role]] ?? null;
      if (value === null && !required) return null;
      if (!value) throw new UsageError(`give --${role}-token (or $${ENV[role]})`);
      if (roleForToken(value, session.tokenHashes) !== role) throw new UsageError(`--${role}-token is not this session's ${role} token`);
      return value;
    };
    const links = { sessionId, origin, participantToken: token('participant', true)!, viewerToken: token('viewer', true)!, facilitatorToken: token('facilitator', false) };
    const { pdf, fileName } = await renderStoredKit(storage, links, paper, makeFontLoader());
    const out = resolve(args.values.out ?? fileName);
    await writeFile(out, pdf);
    return out;
  } finally {
    await storage.close();
  }
}

export { USAGE as KIT_USAGE };
