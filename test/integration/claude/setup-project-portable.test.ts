import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { atmHandler, runShellForm, statusLineCommand } from './run-as-claude.js';

/**
 * `atm setup --project` writes a file that is usually committed: nothing of this machine may go
 * in (no home path, no user name). Its commands find the shim where atm puts it on any machine;
 * run as Claude Code runs them (shell form), they reach a real atmd here, and on a machine
 * without atm they print nothing and exit 0.
 */
describe('atm setup --project', () => {
  it('names the shim portably, reaches atmd from it, and is silent where atm is not installed', async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const project = join(daemon.dir, 'proj');
    mkdirSync(project);
    const setup = await runCli(['setup', '--project'], { env: daemon.env, cwd: project });
    expect(setup.code).toBe(0);
    const settings = join(project, '.claude', 'settings.json');
    const text = readFileSync(settings, 'utf8');
    expect(text).not.toContain(daemon.dir);
    expect(text).not.toContain(daemon.env.HOME ?? '/nonexistent');

    const handler = atmHandler(settings, 'PreToolUse');
    expect(handler.args).toBeUndefined(); // shell form: only a shell expands $HOME
    const id = sessionId('portable');
    const payload = JSON.stringify(hook(id, 'PreToolUse', { cwd: project }));
    const env = { ...daemon.env, ATM_AGENT_PID: String(agent.pid) };
    const ran = await runShellForm(handler.command, payload, env);
    expect(ran.code).toBe(0);
    expect(ran.stdout.toString() + ran.stderr.toString()).toBe('');
    await pollFor(
      async () => {
        const listed = await runCli(['list', '--json'], { env: daemon.env });
        const sessions = JSON.parse(listed.stdout) as Session[];
        return sessions.find((session) => session.id === id && session.status === 'working');
      },
      { what: 'the session reported through the portable hook' },
    );

    // A teammate without atm: the same commands do nothing, quietly.
    using elsewhere = makeTempDir('atm-teammate-');
    const teammate = { PATH: daemon.env.PATH, HOME: elsewhere.path };
    for (const command of [handler.command, statusLineCommand(settings)]) {
      const quiet = await runShellForm(command, payload, teammate);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout.toString() + quiet.stderr.toString()).toBe('');
    }

    const check = await runCli(['setup', '--check', '--project'], { env: daemon.env, cwd: project });
    expect(check.stdout).toContain('  hooks        13 of 13 events');
    expect(check.stdout).not.toContain('another shim');
    expect((await runCli(['uninstall', '--project'], { env: daemon.env, cwd: project })).code).toBe(0);
  });
});
