import { chmod, lstat, mkdir, stat, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { isProcessRunning } from '../platform/atomic-file.js';
import { acquirePidLock, type PidLock } from '../platform/pid-lock.js';
import { answers, waitFor } from '../platform/socket-probe.js';
import { checkSocketDir, checkSocketPathLength, SHORTER_SOCKET_HINT } from '../platform/socket-trust.js';
import { AtmError } from '../shared/errors.js';

export interface Listener {
  readonly server: Server;
  /** How the socket came to be: adopted from systemd/launchd, or bound by atmd itself. */
  readonly origin: 'activated' | 'bound';
  readonly path: string;
  close(): Promise<void>;
}

/** systemd's socket-activation protocol: passed sockets start at fd 3 when LISTEN_PID names us. */
const SD_LISTEN_FDS_START = 3;
/** atm.socket's `FileDescriptorName=` (src/integrations/systemd/systemd-units.ts). */
export const ACTIVATED_FD_NAME = 'atm';

export function isSocketActivated(env: NodeJS.ProcessEnv, pid: number): boolean {
  return env.LISTEN_PID === String(pid) && Number(env.LISTEN_FDS ?? '0') >= 1;
}

/**
 * The activated fd that is ours: the one LISTEN_FDNAMES calls `atm`, else the only one passed
 * (systemd-socket-activate without --fdname names none). Several, none named atm: refused.
 */
export function toActivatedFd(env: NodeJS.ProcessEnv): number {
  const count = Number(env.LISTEN_FDS ?? '0');
  const index = (env.LISTEN_FDNAMES ?? '').split(':').indexOf(ACTIVATED_FD_NAME);
  if (index >= 0 && index < count) return SD_LISTEN_FDS_START + index;
  if (count === 1) return SD_LISTEN_FDS_START;
  throw new AtmError('io-failed', `systemd passed ${count} sockets and none is named ${ACTIVATED_FD_NAME}`, {
    hint: `set FileDescriptorName=${ACTIVATED_FD_NAME} in atm.socket (atm service install writes it)`,
  });
}

/**
 * Listens on the activated fd when systemd passed one, else binds `path` itself: a path too long
 * for a socket and a directory others can write are refused, the directory is made 0700, a lock
 * beside the socket is taken, a live daemon on the path is refused, and a stale socket file is
 * removed only after connecting to it has failed.
 */
export async function listen(options: {
  path: string;
  env: NodeJS.ProcessEnv;
  onConnection: (socket: Socket) => void;
}): Promise<Listener> {
  const server = createServer({ allowHalfOpen: true }, options.onConnection);
  if (isSocketActivated(options.env, process.pid)) {
    await listenOn(server, { fd: toActivatedFd(options.env) });
    // Children must not think the socket is theirs.
    delete options.env.LISTEN_PID;
    delete options.env.LISTEN_FDS;
    delete options.env.LISTEN_FDNAMES;
    // The OS-owned socket file stays: systemd keeps listening on it after we exit.
    return { server, origin: 'activated', path: options.path, close: () => closeServer(server) };
  }
  const lock = await prepareSocketPath(options.path);
  try {
    const previous = process.umask(0o177); // the socket is born 0600: no window where others may connect
    try {
      await listenOn(server, options.path);
    } finally {
      process.umask(previous);
    }
    await chmod(options.path, 0o600);
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    server,
    origin: 'bound',
    path: options.path,
    close: async () => {
      await closeServer(server);
      await unlink(options.path).catch(() => undefined);
      await lock.release();
    },
  };
}

/** How long a live lock holder that does not answer yet is waited for (it binds right after locking). */
const LOCK_HOLDER_WAIT_MS = 5_000;

/**
 * Checks the path and its directory, then takes `<path>.lock` so that of two atmd starting
 * together over a stale socket only one probes, unlinks and binds (issue 10, defect 17).
 */
async function prepareSocketPath(path: string): Promise<PidLock> {
  const tooLong = checkSocketPathLength(path);
  if (tooLong !== null) throw new AtmError('io-failed', tooLong, { hint: SHORTER_SOCKET_HINT });
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const uid = process.getuid?.() ?? 0;
  const dirProblem = checkSocketDir(await stat(dir), uid);
  if (dirProblem !== null) {
    throw new AtmError('io-failed', `the socket directory ${dir} ${dirProblem}`, {
      hint: `use a private directory: chmod 700 ${dir}, or set ATM_SOCKET to a path inside one`,
    });
  }
  const locked = await acquirePidLock(`${path}.lock`, {
    isStale: async (pid) =>
      !isProcessRunning(pid) || !(await waitFor(() => answers(path, 200), { timeoutMs: LOCK_HOLDER_WAIT_MS })),
  });
  if (!locked.ok) {
    throw new AtmError('daemon-already-running', `another atmd already answers on ${path}`, {
      hint: `use the running daemon (pid ${locked.holder}), or stop it first (atm service stop, or kill ${locked.holder})`,
    });
  }
  try {
    await checkExisting(path, uid);
  } catch (error) {
    await locked.lock.release();
    throw error;
  }
  return locked.lock;
}

async function checkExisting(path: string, uid: number): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing === null) return;
  if (!existing.isSocket()) {
    throw new AtmError('io-failed', `${path} exists and is not a socket`, {
      hint: 'move that file away, or set ATM_SOCKET to another path',
    });
  }
  if (existing.uid !== uid) {
    throw new AtmError('io-failed', `${path} belongs to uid ${existing.uid}, not to you (uid ${uid})`, {
      hint: 'another user listens there: set ATM_SOCKET to a path in a directory only you can write',
    });
  }
  if (await answers(path)) {
    throw new AtmError('daemon-already-running', `another atmd already answers on ${path}`, {
      hint: 'use the running daemon, or stop it first (atm service stop, or kill it)',
    });
  }
  await unlink(path);
}

function listenOn(server: Server, target: string | { fd: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(target, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
