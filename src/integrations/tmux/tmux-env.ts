/**
 * The tmux server's socket path from `$TMUX` ("socket,pid,session index"), or null when the
 * client sent none or something that is not an absolute path.
 */
export function toTmuxServer(tmuxEnv: string | null | undefined): string | null {
  if (tmuxEnv == null || tmuxEnv.length === 0) return null;
  const socket = tmuxEnv.split(',')[0] ?? '';
  return socket.startsWith('/') ? socket : null;
}
