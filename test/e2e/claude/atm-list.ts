import { z } from 'zod';
import { sessionSchema, type Session } from '../../../src/domain/session.js';
import { runCli } from '../../helpers/run-cli.js';

/**
 * atm's view as a user or a script gets it: the built `atm list --json`, parsed with the public
 * Session schema (docs/PROTOCOL.md), so a field that drifts from the contract fails here.
 */
export async function listAtm(env: NodeJS.ProcessEnv): Promise<Session[]> {
  const result = await runCli(['list', '--json'], { env, timeoutMs: 20_000 });
  if (result.code !== 0) {
    throw new Error(`atm list --json exited ${String(result.code ?? result.signal)}: ${result.stderr}`);
  }
  return z.array(sessionSchema).parse(JSON.parse(result.stdout));
}
