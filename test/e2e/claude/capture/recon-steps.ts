import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pollUntil } from '../poll.js';
import type { InteractiveRecon } from './recon-session.js';

/** Reusable moves in a recon scenario; each marks what it saw, for the timeline. */

/** Wait until Claude Code's sessions file reports `status` (e.g. idle after a turn). */
export async function waitForSessionsStatus(
  recon: InteractiveRecon,
  status: string,
  timeoutMs = 10_000,
): Promise<void> {
  await pollUntil(
    async () => {
      const text = await recon.sessions.snapshot();
      return text !== undefined && (JSON.parse(text) as { status?: unknown }).status === status ? true : undefined;
    },
    { timeoutMs, what: `sessions file status ${status}` },
  );
  recon.mark(`sessions-file:${status}`);
}

export async function saveScreen(recon: InteractiveRecon, name: string): Promise<void> {
  recon.saved.set(`screen-${name}.txt`, await recon.tmux.capturePane(recon.pane));
}

/**
 * A `prompt_snapshot` attachment line carries Claude Code's whole system prompt: not ours to
 * commit, and noise for atm. Dropped from saved tails (the fixtures README says so).
 */
const isPromptSnapshot = (line: string): boolean => line.includes('"type":"prompt_snapshot"');

/** Keep the last `lines` transcript lines of the (only) session in this project. */
export async function saveTranscriptTail(recon: InteractiveRecon, name: string, lines = 12): Promise<void> {
  const files = (await readdir(recon.env.transcriptsDir)).filter((file) => file.endsWith('.jsonl'));
  const texts = await Promise.all(files.map((file) => readFile(join(recon.env.transcriptsDir, file), 'utf8')));
  const tail = texts
    .join('')
    .split('\n')
    .filter((line) => line !== '' && !isPromptSnapshot(line))
    .slice(-lines);
  recon.saved.set(`transcript-tail-${name}.jsonl`, `${tail.join('\n')}\n`);
}

/** Type /exit, then wait for SessionEnd and for the pane (and claude) to be gone. */
export async function exitWithCommand(recon: InteractiveRecon): Promise<void> {
  await recon.tmux.sendText(recon.pane, '/exit');
  await recon.waitForScreen(/❯ \/exit\s+Exit the CLI/, 'exit command suggested');
  await recon.tmux.sendKeys(recon.pane, 'Enter');
  const sentMs = Date.now();
  recon.mark('keys:/exit Enter');
  await recon.waitForCapture('SessionEnd', { afterMs: sentMs });
  await pollUntil(async () => ((await recon.tmux.panePid(recon.pane)) === undefined ? true : undefined), {
    timeoutMs: 10_000,
    what: 'claude pane to close',
  });
  recon.mark('pane gone');
}

/** Let the statusLine and sessions file settle after a turn, so the last state is recorded. */
export async function settleAfterTurn(recon: InteractiveRecon, afterMs: number): Promise<void> {
  await recon.waitForCapture('Stop', { afterMs });
  await waitForSessionsStatus(recon, 'idle');
  await recon.waitForCapture('statusline', { afterMs: Date.now() - 500, timeoutMs: 5_000 }).catch(() => undefined);
}

export const PERMISSION_DIALOG_TEXT = 'Do you want to proceed?';

/**
 * Press Enter on "1. Yes" until the dialog goes away. Claude Code ignores keys for a moment
 * after a dialog appears (so a stray Enter cannot approve it), so one early Enter is not enough.
 */
export async function approvePermissionDialog(recon: InteractiveRecon, attempts = 10): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await recon.tmux.sendKeys(recon.pane, 'Enter');
    recon.mark(`keys:approve attempt ${attempt} (Enter on "1. Yes")`);
    const gone = await recon.tmux
      .waitForScreen(recon.pane, (screen) => !screen.includes(PERMISSION_DIALOG_TEXT), { timeoutMs: 500 })
      .then(
        () => true,
        () => false,
      );
    if (gone) {
      recon.mark('screen:permission dialog gone');
      return;
    }
  }
  throw new Error(`permission dialog still open after ${attempts} Enter presses`);
}

/**
 * Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), the value Claude Code's
 * sessions file calls procStart. Linux only; undefined elsewhere or once the process is gone.
 */
export async function readProcStartTicks(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // comm (field 2) may contain spaces and parens, so count fields after its closing paren.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

/**
 * After a SIGKILL nobody removes claude's messaging socket (/tmp/cc-socks/<pid>.sock); it was
 * ours, so delete it. The path comes from the stale sessions file.
 */
export async function removeStaleMessagingSocket(recon: InteractiveRecon): Promise<void> {
  const text = await recon.sessions.snapshot();
  const path =
    text === undefined ? undefined : (JSON.parse(text) as { messagingSocketPath?: unknown }).messagingSocketPath;
  if (typeof path === 'string' && path.endsWith(`/${recon.claudePid}.sock`)) await rm(path, { force: true });
}
