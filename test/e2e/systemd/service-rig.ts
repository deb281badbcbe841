import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from '../../../src/domain/session.js';
import { hook } from '../../helpers/claude-payloads.js';
import { runCli, type CliResult } from '../../helpers/run-cli.js';
import type { UserManager } from '../../helpers/systemd-user-manager.js';
import { runRaw, type RawResult } from '../../integration/claude/run-as-claude.js';

/**
 * atm installed the way a user does it, inside a real systemd user manager: `atm setup` (the
 * shim and Claude Code's settings in the private HOME), then `atm service install`.
 */
export interface ServiceRig {
  readonly env: NodeJS.ProcessEnv;
  readonly socketPath: string;
  readonly shim: string;
  readonly stateFile: string;
  atm(...args: string[]): Promise<CliResult>;
  /** One hook report through the installed shim, as Claude Code runs it (exec form, no shell). */
  sendHook(id: string, event?: string): Promise<RawResult>;
  listIds(): Promise<string[]>;
}

export async function makeServiceRig(
  manager: UserManager,
  options: { agentPid: number; config?: Record<string, unknown> },
): Promise<ServiceRig> {
  // A checkout under /tmp (CI's clean clone may be one) would be refused as a temporary location:
  // point TMPDIR elsewhere, as a real install's temp dir is elsewhere too.
  const tmp = join(manager.root, 'tmp');
  mkdirSync(tmp, { recursive: true });
  if (options.config !== undefined) {
    mkdirSync(join(manager.env.XDG_CONFIG_HOME ?? '', 'atm'), { recursive: true });
    writeFileSync(join(manager.env.XDG_CONFIG_HOME ?? '', 'atm', 'config.json'), JSON.stringify(options.config));
  }
  const env: NodeJS.ProcessEnv = { ...manager.env, TMPDIR: tmp };
  const atm = (...args: string[]) => runCli(args, { env, timeoutMs: 90_000 });
  const setup = await atm('setup');
  if (setup.code !== 0) throw new Error(`atm setup failed: ${setup.stderr}`);
  const shim = join(manager.env.XDG_DATA_HOME ?? '', 'atm', 'atm-report.sh');
  const hookEnv = { PATH: env.PATH, XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR, CLAUDE_PID: String(options.agentPid) };
  return {
    env,
    socketPath: join(manager.runtimeDir, 'atm.sock'),
    shim,
    stateFile: join(manager.env.XDG_STATE_HOME ?? '', 'atm', 'sessions.json'),
    atm,
    sendHook: (id, event = 'UserPromptSubmit') =>
      runRaw(shim, ['hook'], { env: hookEnv, stdin: JSON.stringify(hook(id, event)), timeoutMs: 30_000 }),
    async listIds() {
      const result = await atm('list', '--json');
      if (result.code !== 0) throw new Error(`atm list failed (${result.code}): ${result.stderr}`);
      return (JSON.parse(result.stdout) as Session[]).map((session) => session.id);
    },
  };
}

/** `systemctl show -p X --value unit`. */
export async function unitProperty(manager: UserManager, unit: string, property: string): Promise<string> {
  return (await manager.systemctl('show', '-p', property, '--value', unit)).stdout.trim();
}
