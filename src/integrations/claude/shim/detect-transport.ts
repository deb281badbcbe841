import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { runFile } from '../../../platform/exec-file.js';
import type { Transport } from './shim-transport.js';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * The cheapest way this machine offers to reach a Unix socket, as the shim will use it: OpenBSD
 * netcat when it has both `-U` (Unix sockets) and `-N` (shut down the write side at EOF, which
 * the protocol's half-close needs; traditional netcat and ncat lack one or the other), else
 * socat, else node. Tools are looked up on `pathEnv` (the PATH Claude Code will pass along is
 * usually the user's own) and recorded by absolute path, so the shim does no lookup per event.
 */
export async function detectTransport(pathEnv: string | undefined): Promise<Transport> {
  const nc = await findExecutable('nc', pathEnv);
  if (nc !== null && (await ncSupportsUnixHalfClose(nc))) return { kind: 'nc', path: nc };
  const socat = await findExecutable('socat', pathEnv);
  if (socat !== null && (await runsOk(socat, ['-V']))) return { kind: 'socat', path: socat };
  return { kind: 'node' };
}

export async function findExecutable(name: string, pathEnv: string | undefined): Promise<string | null> {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!isAbsolute(dir)) continue; // a relative PATH entry means something else in Claude Code's cwd
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return null;
}

/** OpenBSD netcat lists its options in `nc -h` (on stderr, exit status 1 on some builds). */
async function ncSupportsUnixHalfClose(path: string): Promise<boolean> {
  const outcome = await runFile(path, ['-h'], { timeoutMs: PROBE_TIMEOUT_MS, env: { LC_ALL: 'C' } });
  if (outcome.kind !== 'exited') return false;
  const help = `${outcome.stdout}\n${outcome.stderr}`;
  return /^\s*-N\s/m.test(help) && /^\s*-U\s/m.test(help);
}

async function runsOk(path: string, args: readonly string[]): Promise<boolean> {
  const outcome = await runFile(path, args, { timeoutMs: PROBE_TIMEOUT_MS, env: { LC_ALL: 'C' } });
  return outcome.kind === 'exited' && outcome.exitCode === 0;
}
