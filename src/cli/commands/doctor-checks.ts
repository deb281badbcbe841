import { constants } from 'node:fs';
import { access, realpath, stat, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { connectToDaemon } from '../../client/daemon-connection.js';
import { inspectSettings } from '../../integrations/claude/settings-inspect.js';
import { findExecutable } from '../../integrations/claude/shim/detect-transport.js';
import { VERIFIED_CLAUDE_CODE_VERSIONS } from '../../integrations/claude/verified-versions.js';
import type { ServiceManager } from '../../integrations/service-manager.js';
import { runFile } from '../../platform/exec-file.js';
import { isCompatibleVersion } from '../../protocol/version.js';
import { describeError } from '../../shared/errors.js';
import { loadSettings } from '../claude-settings-edit.js';
import { fail, pass, warn, type DoctorCheck } from './doctor-check.js';
import { probeShim } from './doctor-probe.js';

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');
const MIN_FREE_BYTES = 50 * 1024 * 1024;
/** Under socket activation the first connection also waits for atmd to start: give it time. */
export const ANSWER_TIMEOUT_MS = 10_000;

export function checkNode(version: string, execPath: string): DoctorCheck {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 20 || (major === 20 && minor >= 19)
    ? pass('node', `Node ${version} (${execPath})`)
    : fail(
        'node',
        `Node ${version} is too old: atm needs 20.19 or newer`,
        'install Node.js 20.19 or newer (nodejs.org, or your package manager)',
      );
}

export async function checkAtmOnPath(pathEnv: string | undefined): Promise<DoctorCheck> {
  const found = await findExecutable('atm', pathEnv);
  if (found === null)
    return fail(
      'atm on PATH',
      'no `atm` on PATH',
      'npm install -g . in a checkout you keep (or install a package: packaging/)',
    );
  const real = await realpath(found).catch(() => found);
  return pass('atm on PATH', real === found ? found : `${found} → ${real}`);
}

export async function checkService(
  manager: ServiceManager,
  unitFile: string,
): Promise<{ check: DoctorCheck; installed: boolean }> {
  const reason = await manager.unavailable();
  if (reason !== null)
    return { installed: false, check: pass('service', `not used (${reason}); atm starts atmd itself`) };
  const present = await stat(unitFile).then(
    () => true,
    () => false,
  );
  if (!present)
    return {
      installed: false,
      check: pass(
        'service',
        `${manager.label} not installed; atm starts atmd itself (atm service install to use them)`,
      ),
    };
  const state = await manager.state();
  const summary = state.lines.map((line) => line.replace(/\s+/g, ' ')).join('; ');
  if (state.enabled && state.active) return { installed: true, check: pass('service', summary) };
  return {
    installed: true,
    check: fail('service', summary, state.active ? 'atm service install' : 'atm service start'),
  };
}

export async function checkSocket(path: string, startFix: string): Promise<DoctorCheck> {
  const file = await stat(path).catch(() => null);
  if (file === null) return fail('socket', `${path} does not exist`, startFix);
  if (!file.isSocket()) return fail('socket', `${path} is not a socket`, `rm ${path} && ${startFix}`);
  if ((file.mode & 0o777) !== 0o600)
    return fail('socket', `${path} has mode ${octal(file.mode)}; it must be 0600`, `chmod 600 ${path}`);
  const dir = await stat(dirname(path)).catch(() => null);
  if (dir !== null && (dir.mode & 0o077) !== 0)
    return fail(
      'socket',
      `${dirname(path)} has mode ${octal(dir.mode)}; it must be 0700`,
      `chmod 700 ${dirname(path)}`,
    );
  return pass('socket', `${path}: 0600, in a ${dir === null ? '?' : octal(dir.mode)} directory`);
}

export async function checkDaemon(socketPath: string, startFix: string, restartFix: string): Promise<DoctorCheck> {
  try {
    await using connection = await connectToDaemon({ socketPath, role: 'cli', timeoutMs: ANSWER_TIMEOUT_MS });
    const { daemonVersion, pid, protocolVersion } = connection.welcome;
    const detail = `atmd ${daemonVersion} answers (pid ${pid}, protocol ${protocolVersion})`;
    return isCompatibleVersion(protocolVersion)
      ? pass('atmd', detail)
      : fail('atmd', `${detail}: another protocol`, restartFix);
  } catch (error) {
    return fail(
      'atmd',
      `atmd did not answer on ${socketPath} within ${ANSWER_TIMEOUT_MS / 1000} s: ${describeError(error)}`,
      startFix,
    );
  }
}

export async function checkSettings(settingsPath: string, shimPath: string): Promise<DoctorCheck[]> {
  try {
    const loaded = await loadSettings(settingsPath);
    if (loaded.text === null)
      return [
        fail('hooks', `${settingsPath} does not exist`, 'atm setup'),
        fail('status line', 'no settings file', 'atm setup'),
      ];
    const state = inspectSettings(loaded.document.value, shimPath);
    const total = state.eventsWithHook.length + state.eventsMissing.length;
    const hooks =
      state.eventsMissing.length === 0
        ? pass('hooks', `atm's hook on all ${total} events in ${settingsPath}`)
        : fail('hooks', `no atm hook for ${state.eventsMissing.join(', ')} in ${settingsPath}`, 'atm setup');
    const kind = state.statusLine.kind;
    const line =
      kind === 'atm-own' || kind === 'atm-wrapped'
        ? pass('status line', kind === 'atm-own' ? "atm's own" : 'yours, wrapped by atm')
        : fail(
            'status line',
            kind === 'none' ? 'none: atm gets no model, context or cost' : 'yours, not reporting to atm',
            'atm setup',
          );
    return [hooks, line];
  } catch (error) {
    return [fail('hooks', describeError(error), `fix ${settingsPath}, then: atm setup`)];
  }
}

export async function checkShim(
  shimPath: string,
  env: NodeJS.ProcessEnv,
  daemonAnswers: boolean,
): Promise<DoctorCheck> {
  const executable = await access(shimPath, constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!executable) return fail('shim', `${shimPath} is missing or not executable`, 'atm setup');
  if (!daemonAnswers)
    return fail('shim', `${shimPath} not probed: atmd does not answer`, 'fix atmd (above), then: atm doctor');
  const probe = await probeShim(shimPath, env);
  return probe.ok ? pass('shim', probe.detail) : fail('shim', probe.detail, 'atm setup');
}

export async function checkClaudeVersion(env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const claude = await findExecutable('claude', env.PATH);
  if (claude === null) return pass('claude code', 'claude is not on PATH; no version to compare');
  const outcome = await runFile(claude, ['--version'], { timeoutMs: 15_000, env });
  const version = outcome.kind === 'exited' ? /\d+\.\d+\.\d+/.exec(outcome.stdout)?.[0] : undefined;
  const verified = VERIFIED_CLAUDE_CODE_VERSIONS.join(', ');
  if (version === undefined)
    return warn('claude code', `\`${claude} --version\` gave no version`, `check that ${claude} runs`);
  return VERIFIED_CLAUDE_CODE_VERSIONS.includes(version)
    ? pass('claude code', `${version}, a version atm is verified with`)
    : warn(
        'claude code',
        `${version}; atm is verified with ${verified}`,
        `expect differences atm has not seen, or: npm install -g @anthropic-ai/claude-code@${VERIFIED_CLAUDE_CODE_VERSIONS.at(-1) ?? ''}`,
      );
}

export async function checkTmux(env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const outcome = await runFile('tmux', ['-V'], { timeoutMs: 10_000, env });
  if (outcome.kind === 'exited' && outcome.exitCode === 0) return pass('tmux', outcome.stdout.trim());
  return fail(
    'tmux',
    outcome.kind === 'not-found' ? 'tmux is not installed' : `tmux -V failed (${outcome.kind})`,
    'install tmux (apt install tmux, or brew install tmux)',
  );
}

/** Writable with free space; a directory not made yet is judged by its nearest existing parent. */
export async function checkDirectory(name: string, dir: string): Promise<DoctorCheck> {
  let existing = dir;
  while ((await stat(existing).catch(() => null)) === null && existing !== dirname(existing))
    existing = dirname(existing);
  const writable = await access(existing, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) return fail(name, `${existing} is not writable`, `chmod u+w ${existing}`);
  const fs = await statfs(existing).catch(() => null);
  const free = fs === null ? null : fs.bavail * fs.bsize;
  if (free !== null && free < MIN_FREE_BYTES)
    return fail(
      name,
      `${dir}: only ${Math.round(free / 1024 / 1024)} MB free`,
      `free some space on the file system of ${existing}`,
    );
  const freeText = free === null ? '' : `, ${(free / 1024 ** 3).toFixed(1)} GB free`;
  return pass(name, `${dir}: writable${freeText}${existing === dir ? '' : ' (not created yet)'}`);
}
