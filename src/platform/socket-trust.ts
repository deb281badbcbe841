import { lstatSync, statSync, type Stats } from 'node:fs';

/**
 * The longest Unix socket path the kernel takes, in bytes: sun_path is 108 bytes on Linux and
 * 104 on macOS and the BSDs, one of them the terminating NUL. A longer path used to be bound at
 * a silently truncated name (issue 10, defect 19).
 */
export function maxSocketPathBytes(platform: string = process.platform): number {
  return platform === 'linux' ? 107 : 103;
}

/** Why `path` cannot be a Unix socket path, or null when it can. */
export function checkSocketPathLength(path: string, platform: string = process.platform): string | null {
  const bytes = Buffer.byteLength(path);
  const max = maxSocketPathBytes(platform);
  return bytes <= max ? null : `the socket path ${path} is ${bytes} bytes; a Unix socket path may have at most ${max}`;
}

/** How to fix a socket path that is too long. */
export const SHORTER_SOCKET_HINT =
  'set ATM_SOCKET to a shorter path in a private directory (for example $XDG_RUNTIME_DIR/atm.sock)';

/**
 * Why the directory holding atm's socket is not private to `uid`, or null when it is: it must
 * be owned by that user (or root, as /run/user is) and writable by no one else. A sticky shared
 * directory such as /tmp does not do: another user could bind atm.sock there first and read
 * every report (issue 10, defect 18).
 */
export function checkSocketDir(dir: Stats, uid: number): string | null {
  if (dir.uid !== uid && dir.uid !== 0) return `is owned by uid ${dir.uid}, not by you (uid ${uid})`;
  if ((dir.mode & 0o022) !== 0) return `is writable by other users (mode ${(dir.mode & 0o7777).toString(8)})`;
  return null;
}

/** Why a socket file is not one atm may trust, or null: a socket, owned by `uid`, 0600 or stricter. */
export function checkSocketFile(socket: Stats, uid: number): string | null {
  if (!socket.isSocket()) return 'is not a socket';
  if (socket.uid !== uid) return `belongs to uid ${socket.uid}, not to you (uid ${uid})`;
  if ((socket.mode & 0o077) !== 0) return `is open to other users (mode ${(socket.mode & 0o777).toString(8)})`;
  return null;
}

/**
 * What a client checks before it connects (synchronous: two stat calls, cheap enough for the hook
 * path): the socket file and its directory belong to this user and nobody else can use them, so
 * a report is never handed to, nor a status line taken from, another user's listener. Null when
 * the socket is trustworthy or absent (connecting will then fail on its own).
 */
export function socketTrustProblem(path: string, uid: number | null = process.getuid?.() ?? null): string | null {
  if (uid === null) return null; // Windows: no uids, and atm does not run there anyway
  const length = checkSocketPathLength(path);
  if (length !== null) return length;
  let socket: Stats;
  try {
    socket = lstatSync(path);
  } catch {
    return null;
  }
  const file = checkSocketFile(socket, uid);
  if (file !== null) return `${path} ${file}`;
  const dirPath = path.slice(0, path.lastIndexOf('/')) || '/';
  try {
    const dir = checkSocketDir(statSync(dirPath), uid);
    return dir === null ? null : `the socket directory ${dirPath} ${dir}`;
  } catch {
    return null;
  }
}
