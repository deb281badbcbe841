import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';

export const PROBE_MODEL = 'atm-doctor-probe';

/** Runs the installed shim as Claude Code does (no shell), with `payload` on stdin. */
function runShim(shim: string, mode: string, payload: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(shim, [mode], { env, timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(payload);
  });
}

/**
 * A real report through the installed shim: a statusLine payload for a throwaway session, whose
 * answer must be the line atmd renders for it (proving shim, transport, socket and atmd end to
 * end), then a SessionEnd hook for the same session, which removes it again.
 */
export async function probeShim(shim: string, env: NodeJS.ProcessEnv): Promise<{ ok: boolean; detail: string }> {
  const id = randomUUID();
  const clean: NodeJS.ProcessEnv = { ...env };
  delete clean.CLAUDE_PID; // doctor run from inside Claude Code must not pose as that session
  delete clean.ATM_AGENT_PID;
  const status = JSON.stringify({ session_id: id, cwd: '/', model: { id: PROBE_MODEL, display_name: PROBE_MODEL } });
  const answer = await runShim(shim, 'status', status, clean, 15_000);
  await runShim(
    shim,
    'hook',
    JSON.stringify({ session_id: id, cwd: '/', hook_event_name: 'SessionEnd' }),
    clean,
    15_000,
  );
  if (answer.stdout === `${PROBE_MODEL}\n`)
    return { ok: true, detail: `a probe report went through ${shim} and came back` };
  const got = answer.stdout.trim() === '' ? 'nothing' : `"${answer.stdout.trim().slice(0, 80)}"`;
  return { ok: false, detail: `a probe report through ${shim} got ${got} back (exit ${answer.code ?? 'killed'})` };
}
