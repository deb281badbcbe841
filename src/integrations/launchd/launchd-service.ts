import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstallInputs, ServiceFile, ServiceManager, ServiceState } from '../service-manager.js';
import { runFile } from '../../platform/exec-file.js';
import { AtmError } from '../../shared/errors.js';
import { toBootoutArgv, toBootstrapArgv, toKickstartArgv, toPrintArgv } from './launchctl-argv.js';
import { LAUNCHD_LABEL, PLIST_FILE_NAME, renderPlist } from './launchd-plist.js';

/**
 * The launchd agent in ~/Library/LaunchAgents, through launchctl (execFile, no shell).
 * Not run on a Mac: the argv and the plist are tested as pure functions; this glue is not.
 */
export function createLaunchdService(options: { home: string; uid: number }): ServiceManager {
  const plistPath = join(options.home, 'Library', 'LaunchAgents', PLIST_FILE_NAME);
  const launchctl = async (args: string[]) => {
    const outcome = await runFile('launchctl', args, { timeoutMs: 30_000 });
    return outcome.kind === 'exited'
      ? { code: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr }
      : { code: 1, stdout: '', stderr: outcome.kind };
  };
  const must = async (args: string[]): Promise<void> => {
    const result = await launchctl(args);
    if (result.code !== 0)
      throw new AtmError('io-failed', `launchctl ${args.join(' ')} failed: ${result.stderr.trim()}`, {
        hint: `see: launchctl print gui/${options.uid}/${LAUNCHD_LABEL}`,
      });
  };
  const loaded = async () => {
    const result = await launchctl(toPrintArgv(options.uid));
    const pid = /^\s*pid = (\d+)$/m.exec(result.stdout)?.[1];
    return { loaded: result.code === 0, pid: pid === undefined ? null : Number(pid) };
  };
  return {
    label: 'launchd agent',
    async unavailable() {
      const result = await launchctl(['version']);
      return result.code === 0 || result.stdout !== '' ? null : 'launchctl does not run here';
    },
    files: (inputs: InstallInputs): ServiceFile[] => [
      { path: plistPath, text: renderPlist({ programArguments: inputs.execStart, logDir: inputs.logDir }) },
    ],
    enableCommands: [`launchctl ${toBootstrapArgv(options.uid, plistPath).join(' ')}`],
    async enable(changed) {
      const now = await loaded();
      if (now.loaded && !changed) return;
      if (now.loaded) await must(toBootoutArgv(options.uid));
      await must(toBootstrapArgv(options.uid, plistPath));
    },
    async disable() {
      if ((await loaded()).loaded) await must(toBootoutArgv(options.uid));
    },
    forget: () => Promise.resolve(),
    start: () => must(toBootstrapArgv(options.uid, plistPath)),
    stop: () => must(toBootoutArgv(options.uid)),
    restart: () => must(toKickstartArgv(options.uid)),
    async state(): Promise<ServiceState> {
      const installed = await access(plistPath).then(
        () => true,
        () => false,
      );
      const now = await loaded();
      return {
        installed,
        enabled: now.loaded,
        active: now.pid !== null,
        mainPid: now.pid,
        lines: [
          `${LAUNCHD_LABEL}  ${now.loaded ? 'loaded' : 'not loaded'}${now.pid === null ? '' : `, pid ${now.pid}`}`,
        ],
      };
    },
  };
}
