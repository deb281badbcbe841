import { CLAUDE_HOOK_EVENTS } from '../../integrations/claude/hook-mapping.js';
import { PORTABLE_SHIM } from '../../integrations/claude/settings-atm-entries.js';
import { installAtm, type InstallOutcome } from '../../integrations/claude/settings-install.js';
import { detectTransport } from '../../integrations/claude/shim/detect-transport.js';
import { renderShim } from '../../integrations/claude/shim/shim-script.js';
import { describeTransport, type Transport } from '../../integrations/claude/shim/shim-transport.js';
import { answers } from '../../platform/socket-probe.js';
import { AtmError } from '../../shared/errors.js';
import type { CommandInput, CommandRunner } from '../command-line/command-spec.js';
import { mergeCreated, readInstallRecord, writeInstallRecord } from '../claude-install-record.js';
import { describeDryRun, editSettings, loadSettings, toNewText, type EditResult } from '../claude-settings-edit.js';
import {
  toInstallRecordPath,
  toSettingsPath,
  toShimPath,
  type ClaudeSetupContext,
  type SettingsScope,
} from '../claude-setup-context.js';
import { resolveAtmInvocation } from '../atm-invocation.js';
import { toShimConfig } from '../claude-shim-config.js';
import { readShim, writeShim } from '../claude-shim-file.js';
import { EXIT } from '../exit-codes.js';
import { printLine } from '../output.js';
import { oneLine } from '../setup-text.js';

export interface SetupOptions {
  readonly scope: SettingsScope;
  readonly dryRun: boolean;
  readonly check: boolean;
  /** Write a read-only settings file anyway. */
  readonly force: boolean;
}

/** `atm setup [--project] [--dry-run] [--check] [--force]` and `atm uninstall [--project] [--dry-run] [--force]` share these flags. */
export function toSetupOptions(input: CommandInput): SetupOptions {
  return {
    scope: input.flag('project') ? 'project' : 'user',
    dryRun: input.flag('dry-run'),
    check: input.flag('check'),
    force: input.flag('force'),
  };
}

export const run: CommandRunner = async (ctx, input) => {
  const { createClaudeSetupContext } = await import('../claude-setup-process.js');
  return runSetup(createClaudeSetupContext(ctx), toSetupOptions(input));
};

/**
 * `atm setup`: installs the shim and merges atm's hooks and status line into Claude Code's
 * settings. Writes the shim before the settings, so a hook never points at a missing file.
 */
export async function runSetup(ctx: ClaudeSetupContext, options: SetupOptions): Promise<number> {
  if (options.check) {
    const { runSetupCheck } = await import('../claude-setup-check.js');
    return runSetupCheck(ctx, options.scope);
  }
  const settingsPath = toSettingsPath(ctx, options.scope);
  const shimPath = toShimPath(ctx);
  const transport = await detectTransport(ctx.env.PATH);
  const shimText = renderShim(toShimConfig(ctx, transport));
  const shimChanged = (await readShim(shimPath)) !== shimText;
  // A project's settings are usually committed: they name the shim portably, not by this machine's path.
  const settingsShim = options.scope === 'project' ? PORTABLE_SHIM : shimPath;

  if (options.dryRun) {
    const loaded = await loadSettings(settingsPath);
    printLine(
      describeDryRun(loaded, toNewText(loaded, installAtm(loaded.document.value, { shimPath: settingsShim }).value)),
    );
    printLine(
      `${shimPath}: ${shimChanged ? 'would be written' : 'no change'} (transport ${describeTransport(transport)})`,
    );
    return 0;
  }
  await loadSettings(settingsPath); // refuse a file atm cannot edit before writing anything
  if (shimChanged) await writeShim(shimPath, shimText);
  const result = await editSettings(
    settingsPath,
    (loaded) => {
      const outcome = installAtm(loaded.document.value, { shimPath: settingsShim });
      return { info: outcome, next: outcome.value, removeFile: false };
    },
    { force: options.force, beforeCheck: ctx.beforeSettingsCheck },
  );
  const { outcome: commit } = result;
  if (commit.kind === 'read-only' || commit.kind === 'not-writable') {
    printByHand(result, commit.kind === 'not-writable' ? commit.why : null);
    return EXIT.failure;
  }
  if (commit.kind === 'changed-meanwhile') throw changedMeanwhile(settingsPath);
  if (commit.kind === 'removed') throw new Error('setup never removes a settings file');
  const created = result.plan.info.created;
  const recordPath = toInstallRecordPath(ctx);
  const record = await readInstallRecord(recordPath);
  const key = result.loaded.file.target;
  const createdFile = result.loaded.file.bytes === null && commit.kind === 'written';
  const { text } = result.loaded;
  const blankText = commit.kind === 'written' && text !== null && text.trim() === '' ? text : null;
  record.settings[key] = mergeCreated(record.settings[key], created, shimPath, createdFile, blankText);
  await writeInstallRecord(recordPath, record);

  printSummary({
    settingsPath,
    scope: options.scope,
    outcome: result.plan.info,
    changed: commit.kind === 'written',
    backup: commit.kind === 'written' ? commit.backup : null,
    shimPath,
    shimChanged,
    transport,
  });
  await printNextSteps(ctx);
  return 0;
}

/** A file atm may not write: the exact change, for the user to make by hand (or `--force`). */
export function printByHand(result: EditResult<unknown>, why: string | null): void {
  const { file } = result.loaded;
  const mode = file.mode === null ? '' : ` (mode ${file.mode.toString(8).padStart(4, '0')})`;
  printLine(
    why === null
      ? `atm changed nothing: ${file.path} is read-only${mode}.`
      : `atm changed nothing: ${file.path} cannot be written (${why}).`,
  );
  printLine('Make this change by hand (the lines with + are added, those with - removed):');
  printLine(describeDryRun(result.loaded, result.newText));
  if (why === null) printLine(`Or run the command again with --force to write it anyway (its mode stays${mode}).`);
}

export const changedMeanwhile = (path: string): AtmError =>
  new AtmError('io-failed', `${path} kept changing while atm was writing it; atm changed nothing`, {
    hint: 'another program (Claude Code?) is writing the file: run the command again in a moment',
  });

function printSummary(report: {
  settingsPath: string;
  scope: SettingsScope;
  outcome: InstallOutcome;
  changed: boolean;
  backup: string | null;
  shimPath: string;
  shimChanged: boolean;
  transport: Transport;
}): void {
  const { outcome } = report;
  printLine(`atm setup: ${report.settingsPath} (Claude Code ${report.scope} settings)`);
  const added = outcome.addedEvents.length;
  const total = CLAUDE_HOOK_EVENTS.length;
  if (added === 0 && outcome.updatedEvents.length === 0)
    printLine(`  hooks        already there for all ${total} events`);
  else if (added > 0)
    printLine(
      `  hooks        added for ${added} of ${total} events: ${outcome.addedEvents.join(', ')} (exec form, async)`,
    );
  if (outcome.updatedEvents.length > 0)
    printLine(`  hooks        updated to the current shim for ${outcome.updatedEvents.join(', ')}`);
  printLine(`  status line  ${describeStatusLine(outcome)}`);
  printLine(`  shim         ${report.shimPath} (${report.shimChanged ? 'written' : 'unchanged'})`);
  printLine(`  transport    ${describeTransport(report.transport)}`);
  if (report.backup !== null) printLine(`  backup       ${report.backup} (the file as it was)`);
  if (!report.changed && !report.shimChanged) printLine('Nothing changed: atm was already set up here.');
  if (report.scope === 'project') {
    printLine(
      `Note: this file may be shared: it names the shim as ${PORTABLE_SHIM} (nothing of this machine); on a machine without atm its hooks do nothing.`,
    );
  }
}

function describeStatusLine(outcome: InstallOutcome): string {
  const status = outcome.statusLine;
  switch (status.kind) {
    case 'added':
      return "atm's own line, rendered by atmd";
    case 'wrapped':
      return `yours is kept: atm runs \`${oneLine(status.userCommand)}\` and shows its output unchanged`;
    case 'kept':
      return status.userCommand === null
        ? "atm's own line (already there)"
        : `yours, wrapped by atm (already there): \`${oneLine(status.userCommand)}\``;
    case 'not-a-command':
      return 'statusLine has no command, so atm left it as it is';
  }
}

/** Names atm as the user can run it: `atm`, or `node dist/cli/main.js` before it is on PATH. */
async function printNextSteps(ctx: ClaudeSetupContext): Promise<void> {
  const running = await answers(ctx.paths.socketPath, 500);
  const atm = resolveAtmInvocation({ main: ctx.atmMain, pathEnv: ctx.env.PATH, cwd: ctx.cwd, homeDir: ctx.home });
  const steps: [command: string, what: string][] = [
    ...(running
      ? []
      : [
          [`${atm.command} daemon start`, "start atmd (or enable atm's user service, if you installed it)"] as [
            string,
            string,
          ],
        ]),
    [atm.command, 'open the dashboard'],
  ];
  const width = Math.max(...steps.map(([command]) => command.length));
  printLine('Next:');
  if (running) printLine(`  atmd already answers on ${ctx.paths.socketPath}`);
  for (const [command, what] of steps) printLine(`  ${command.padEnd(width)}   ${what}`);
  if (atm.install !== null) printLine(`  atm is not on your PATH yet: ${atm.install} puts it there.`);
  printLine('  New Claude Code sessions report to atm; restart running ones to include them.');
}
