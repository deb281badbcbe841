import { uninstallAtm, type UninstallOutcome } from '../../integrations/claude/settings-uninstall.js';
import { readInstallRecord, toCreatedContainers, writeInstallRecord } from '../claude-install-record.js';
import { describeDryRun, loadSettings, toNewText } from '../claude-settings-edit.js';
import { writeSettingsFile } from '../claude-settings-file.js';
import { toInstallRecordPath, toSettingsPath, toShimPath, type ClaudeSetupContext } from '../claude-setup-context.js';
import { readShim, removeShim } from '../claude-shim-file.js';
import { printLine } from '../output.js';
import { oneLine } from '../setup-text.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { toSetupOptions, type SetupOptions } from './setup.js';

export const run: CommandRunner = async (ctx, input) => {
  const { createClaudeSetupContext } = await import('../claude-setup-process.js');
  return runUninstall(createClaudeSetupContext(ctx), toSetupOptions(input));
};

/**
 * `atm uninstall [--project] [--dry-run]`: removes exactly what setup added to the settings file
 * and gives the user's status line back. The shim goes too once no settings file that atm set
 * up (by its record) still uses it; without a record it stays, since some file might.
 */
export async function runUninstall(
  ctx: ClaudeSetupContext,
  options: Pick<SetupOptions, 'scope' | 'dryRun'>,
): Promise<number> {
  const settingsPath = toSettingsPath(ctx, options.scope);
  const loaded = await loadSettings(settingsPath);
  const recordPath = toInstallRecordPath(ctx);
  const record = await readInstallRecord(recordPath);
  const key = loaded.file.target;
  const outcome = uninstallAtm(loaded.document.value, toCreatedContainers(record.settings[key]));
  const newText = toNewText(loaded, outcome.value);
  if (options.dryRun) {
    printLine(describeDryRun(loaded, newText));
    return 0;
  }
  const backup = newText === null ? null : await writeSettingsFile(loaded.file, newText, ctx.now());
  const wasRecorded = record.settings[key] !== undefined;
  delete record.settings[key];
  await writeInstallRecord(recordPath, record);
  const shimPath = toShimPath(ctx);
  const othersUseShim = Object.values(record.settings).some((entry) => entry.shimPath === shimPath);
  const shimRemoved = wasRecorded && !othersUseShim ? await removeShim(shimPath) : false;

  printLine(`atm uninstall: ${settingsPath}`);
  if (newText === null) printLine('  atm was not set up in this file; nothing changed there.');
  else printRemoved(outcome);
  if (backup !== null) printLine(`  backup       ${backup}`);
  if (shimRemoved) printLine(`  shim         removed ${shimPath}`);
  else if (othersUseShim) printLine(`  shim         kept: ${shimPath} (another settings file still uses it)`);
  else if ((await readShim(shimPath)) !== null) {
    printLine(
      `  shim         kept: ${shimPath} (atm has no record of setting up this file; delete the shim when nothing uses it)`,
    );
  }
  return 0;
}

function printRemoved(outcome: UninstallOutcome): void {
  if (outcome.events.length > 0)
    printLine(`  hooks        removed from ${outcome.events.length} events: ${outcome.events.join(', ')}`);
  const status = outcome.statusLine;
  switch (status.kind) {
    case 'removed':
      printLine("  status line  removed atm's line");
      break;
    case 'restored':
      printLine(`  status line  restored yours: \`${oneLine(status.userCommand)}\``);
      break;
    case 'none':
      break;
  }
}
