import { uninstallAtm, type UninstallOutcome } from '../../integrations/claude/settings-uninstall.js';
import {
  readInstallRecord,
  toCreatedContainers,
  writeInstallRecord,
  type InstallRecordEntry,
} from '../claude-install-record.js';
import { rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '../../integrations/claude/settings-document.js';
import { describeDryRun, editSettings, loadSettings, toNewText } from '../claude-settings-edit.js';
import { EXIT } from '../exit-codes.js';
import { toInstallRecordPath, toSettingsPath, toShimPath, type ClaudeSetupContext } from '../claude-setup-context.js';
import { readShim, removeShim } from '../claude-shim-file.js';
import { printLine } from '../output.js';
import { oneLine } from '../setup-text.js';
import type { CommandRunner } from '../command-line/command-spec.js';
import { changedMeanwhile, printByHand, toSetupOptions, type SetupOptions } from './setup.js';

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
  options: Pick<SetupOptions, 'scope' | 'dryRun' | 'force'>,
): Promise<number> {
  const settingsPath = toSettingsPath(ctx, options.scope);
  const recordPath = toInstallRecordPath(ctx);
  const record = await readInstallRecord(recordPath);
  if (options.dryRun) {
    const loaded = await loadSettings(settingsPath);
    const entry = record.settings[loaded.file.target];
    const outcome = uninstallAtm(loaded.document.value, toCreatedContainers(entry));
    const blank = blankTextFor(entry, outcome.value);
    printLine(describeDryRun(loaded, blank ?? toNewText(loaded, outcome.value)));
    return 0;
  }
  const result = await editSettings(
    settingsPath,
    (loaded) => {
      const entry = record.settings[loaded.file.target];
      const outcome = uninstallAtm(loaded.document.value, toCreatedContainers(entry));
      const removeFile = entry?.createdFile === true && isDeepStrictEqual(outcome.value, {});
      const blank = blankTextFor(entry, outcome.value);
      return { info: outcome, next: outcome.value, removeFile, ...(blank === null ? {} : { text: blank }) };
    },
    { force: options.force, beforeCheck: ctx.beforeSettingsCheck },
  );
  const { outcome: commit, plan } = result;
  if (commit.kind === 'read-only' || commit.kind === 'not-writable') {
    printByHand(result, commit.kind === 'not-writable' ? commit.why : null);
    return EXIT.failure;
  }
  if (commit.kind === 'changed-meanwhile') throw changedMeanwhile(settingsPath);
  const outcome = plan.info;
  const newText = result.newText;
  // The one backup stays (it is the user's undo of this uninstall); the summary says where.
  const backup = commit.kind === 'written' ? commit.backup : null;
  const key = result.loaded.file.target;
  const wasRecorded = record.settings[key] !== undefined;
  delete record.settings[key];
  await writeInstallRecord(recordPath, record);
  const shimPath = toShimPath(ctx);
  const othersUseShim = Object.values(record.settings).some((entry) => entry.shimPath === shimPath);
  const shimRemoved = wasRecorded && !othersUseShim ? await removeShim(shimPath) : false;
  const dirsRemoved = await removeEmptyDirs([dirname(shimPath), dirname(recordPath)]);

  printLine(`atm uninstall: ${settingsPath}`);
  if (newText === null && commit.kind !== 'removed')
    printLine('  atm was not set up in this file; nothing changed there.');
  else printRemoved(outcome);
  if (commit.kind === 'removed') printLine(`  settings     removed ${settingsPath} (atm setup had created it)`);
  if (backup !== null)
    printLine(`  backup       kept: ${backup} (the file as it was before this uninstall; delete it when done)`);
  if (shimRemoved) printLine(`  shim         removed ${shimPath}`);
  else if (othersUseShim) printLine(`  shim         kept: ${shimPath} (another settings file still uses it)`);
  else if ((await readShim(shimPath)) !== null) {
    printLine(
      `  shim         kept: ${shimPath} (atm has no record of setting up this file; delete the shim when nothing uses it)`,
    );
  }
  for (const dir of dirsRemoved) printLine(`  directory    removed ${dir} (empty)`);
  return 0;
}

/** The blank text setup found (0 bytes, or white space), when uninstall leaves nothing else. */
function blankTextFor(entry: InstallRecordEntry | undefined, value: JsonObject): string | null {
  return entry?.blankText != null && isDeepStrictEqual(value, {}) ? entry.blankText : null;
}

/** atm's own directories, removed once empty (rmdir refuses a directory with anything in it). */
async function removeEmptyDirs(dirs: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    try {
      await rmdir(dir);
      removed.push(dir);
    } catch {
      // not empty, or not there: leave it
    }
  }
  return removed;
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
