import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { PORTABLE_SHIM } from '../integrations/claude/settings-atm-entries.js';
import { inspectSettings, type AtmInstallState } from '../integrations/claude/settings-inspect.js';
import { detectTransport } from '../integrations/claude/shim/detect-transport.js';
import { renderShim, TRANSPORT_LINE } from '../integrations/claude/shim/shim-script.js';
import { describeTransport } from '../integrations/claude/shim/shim-transport.js';
import { answers } from '../platform/socket-probe.js';
import { isAtmError } from '../shared/errors.js';
import { EXIT } from './exit-codes.js';
import { loadSettings } from './claude-settings-edit.js';
import { toShimConfig } from './claude-shim-config.js';
import { toSettingsPath, toShimPath, type ClaudeSetupContext, type SettingsScope } from './claude-setup-context.js';
import { readShim } from './claude-shim-file.js';
import { printLine } from './output.js';
import { oneLine } from './setup-text.js';

/**
 * `atm setup --check`: what is installed, which transport the shim uses, whether atmd answers.
 * Changes nothing. Exit 0 when atm is fully set up in that settings file, 1 otherwise (with
 * what to do). `atm doctor` can reuse it.
 */
export async function runSetupCheck(ctx: ClaudeSetupContext, scope: SettingsScope): Promise<number> {
  const settingsPath = toSettingsPath(ctx, scope);
  const shimPath = toShimPath(ctx);
  const problems: string[] = [];
  const fixes: string[] = [];
  printLine(`atm setup --check: ${settingsPath} (Claude Code ${scope} settings)`);

  const state = await inspect(settingsPath, scope === 'project' ? PORTABLE_SHIM : shimPath, problems, fixes);
  if (state !== null) printSettingsState(state, problems);

  const shimText = await readShim(shimPath);
  const recorded = shimText === null ? null : (TRANSPORT_LINE.exec(shimText)?.[1] ?? null);
  const best = await detectTransport(ctx.env.PATH);
  if (shimText === null) problems.push(`the shim ${shimPath} is missing`);
  else if (!(await isExecutable(shimPath))) problems.push(`the shim ${shimPath} is not executable`);
  printLine(`  shim         ${shimPath}${shimText === null ? ' (missing)' : ''}`);
  printLine(
    `  transport    ${recorded === null ? 'unknown' : describeRecorded(recorded, shimText ?? '')}; best here now: ${describeTransport(best)}`,
  );
  if (shimText !== null && shimText !== renderShim(toShimConfig(ctx, best))) {
    problems.push('the shim differs from what this atm would write (atm, Node or the tools changed)');
  }

  const running = await answers(ctx.paths.socketPath, 500);
  printLine(
    `  daemon       ${running ? `answers on ${ctx.paths.socketPath}` : `not running (start it: atm daemon start)`}`,
  );

  if (problems.length === 0) {
    printLine('OK: atm is set up here.');
    return EXIT.ok;
  }
  for (const problem of problems) printLine(`Problem: ${problem}`);
  // A file setup cannot read needs its own fix first: "run atm setup" would fail on the same error.
  for (const fix of fixes) printLine(`Fix: ${fix}`);
  printLine(`${fixes.length > 0 ? 'Then: r' : 'Fix: r'}un \`atm setup${scope === 'project' ? ' --project' : ''}\``);
  return EXIT.failure;
}

async function inspect(
  settingsPath: string,
  shimPath: string,
  problems: string[],
  fixes: string[],
): Promise<AtmInstallState | null> {
  try {
    const loaded = await loadSettings(settingsPath);
    if (loaded.text === null) problems.push(`${settingsPath} does not exist`);
    else if (loaded.file.readOnly) {
      problems.push(`${settingsPath} is read-only`);
      fixes.push(`make it writable (chmod u+w ${loaded.file.target}), or use \`atm setup --force\``);
    }
    return inspectSettings(loaded.document.value, shimPath);
  } catch (error) {
    if (!isAtmError(error)) throw error;
    problems.push(error.message);
    fixes.push(error.hint?.replace(/, then run the command again$/, '') ?? `fix ${settingsPath}`);
    return null;
  }
}

function printSettingsState(state: AtmInstallState, problems: string[]): void {
  const total = state.eventsWithHook.length + state.eventsMissing.length;
  printLine(`  hooks        ${state.eventsWithHook.length} of ${total} events`);
  if (state.eventsMissing.length > 0) problems.push(`no atm hook for ${state.eventsMissing.join(', ')}`);
  if (state.otherShimPaths.length > 0)
    problems.push(`some entries run another shim: ${state.otherShimPaths.join(', ')}`);
  const line = state.statusLine;
  switch (line.kind) {
    case 'atm-own':
      printLine("  status line  atm's own line");
      break;
    case 'atm-wrapped':
      printLine(`  status line  yours, wrapped by atm: \`${oneLine(line.userCommand)}\``);
      break;
    case 'user':
      printLine(`  status line  yours, not wrapped by atm: \`${oneLine(line.command)}\``);
      problems.push('the status line does not report to atm');
      break;
    case 'none':
      printLine('  status line  none');
      problems.push('no status line: atm gets no model, context or cost');
      break;
  }
}

function describeRecorded(kind: string, shimText: string): string {
  const tool = /^tool='([^']*)'$/m.exec(shimText)?.[1] ?? '';
  return kind === 'node' ? 'node' : `${kind} (${tool})`;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
