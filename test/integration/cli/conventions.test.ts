import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { ATM_BIN, ATMD_BIN } from '../../helpers/built.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { daemonEnv, startDaemon } from '../../helpers/daemon-harness.js';
import { waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// eslint-disable-next-line no-control-regex -- an SGR sequence is what is looked for
const SGR = /\u001b\[[0-9;]*m/;
const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs atm with its stdout's read end already closed, as `atm … | head -1` ends up. */
function runWithClosedStdout(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ATM_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // before atm has even started: its first write meets EPIPE
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** Runs atm on a real pseudo-terminal (util-linux script) and returns the bytes it wrote there. */
function runOnTty(args: readonly string[], env: NodeJS.ProcessEnv): string {
  const command = [process.execPath, ATM_BIN, ...args].map((word) => `'${word}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'], // script passes a pipe's end of file on as ^D
  });
  if (result.status !== 0) throw new Error(`atm on a tty exited ${result.status}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

describe('atmd -h/--help and -V/--version print and exit', () => {
  it.each([['--version'], ['-V'], ['--help'], ['-h']])('atmd %s starts no daemon', (flag) => {
    using dir = makeTempDir('atm-atmd-');
    const env = daemonEnv(dir.path);
    const result = spawnSync(process.execPath, [ATMD_BIN, flag], { env, encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      flag.toLowerCase() === '-v' || flag === '--version' ? /^atmd \d+\.\d+\.\d+\n$/ : /^atmd — /,
    );
    expect(result.stderr).toBe('');
    expect(existsSync(join(dir.path, 'run')) ? readdirSync(join(dir.path, 'run')) : []).toEqual([]);
  });

  it('atmd with an unknown option exits 2 naming it', () => {
    using dir = makeTempDir('atm-atmd-');
    const result = spawnSync(process.execPath, [ATMD_BIN, '--foreground'], {
      env: daemonEnv(dir.path),
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('atmd: unknown option --foreground');
  });
});

describe('a closed stdout (| head -1) ends atm quietly', () => {
  it.each([[['--version']], [['--help']], [['help', 'list']], [['setup', '--check']], [['list', '--json']]])(
    'atm %j',
    async (args) => {
      await using daemon = await startDaemon();
      const result = await runWithClosedStdout(args, daemon.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    },
  );
});

describe.skipIf(!hasScript)('colour on a terminal follows NO_COLOR, FORCE_COLOR and --color', () => {
  it('atm list colours a tty, and not with NO_COLOR=1 or --color=never; --color=always colours a pipe', async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const id = sessionId('colour');
    await sendOneShot(daemon.socketPath, { agentPid: agent.pid, pane: '%7' }, hook(id, 'PermissionRequest'));
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting');
    const env = { ...daemon.env, TERM: 'xterm-256color' };

    const coloured = runOnTty(['list'], env);
    expect(coloured).toContain('waiting:permission');
    expect(coloured).toMatch(SGR); // the control: without this, the checks below could not fail

    for (const [args, extra] of [
      [['list'], { NO_COLOR: '1' }],
      [['list', '--color=never'], {}],
      [['list', '--color', 'never'], { FORCE_COLOR: '1' }],
    ] as const) {
      const plain = runOnTty(args, { ...env, ...extra });
      expect(plain, JSON.stringify({ args, extra })).toContain('waiting:permission');
      expect(plain, JSON.stringify({ args, extra })).not.toMatch(SGR);
    }

    const piped = await runCli(['list', '--color=always'], { env: daemon.env });
    expect(piped.stdout).toMatch(SGR);
    const pipedPlain = await runCli(['list'], { env: daemon.env });
    expect(pipedPlain.stdout).not.toMatch(SGR);
  });
});
