import type { ServiceFile, ServiceManager } from '../../integrations/service-manager.js';
import { AtmError } from '../../shared/errors.js';
import { findUnstableLocation } from '../service-location.js';

/** What install needs from the world besides the service manager. */
export interface InstallPorts {
  readonly manager: ServiceManager;
  readonly execStart: readonly string[];
  readonly tempDirs: readonly string[];
  readonly socketPath: string;
  readonly logDir: string;
  readFile(path: string): Promise<string | null>;
  writeFile(path: string, text: string): Promise<void>;
  /** The pid of an atmd that answers on the socket and does not run under the manager, or null. */
  selfStartedAtmd(): Promise<number | null>;
  /** SIGTERM, then true once it is gone (it saves first). */
  stopProcess(pid: number): Promise<boolean>;
  print(line: string): void;
}

/** Why the manager cannot be used, as an AtmError saying what works instead. */
export function toNoManagerError(label: string, reason: string): AtmError {
  return new AtmError('not-found', `cannot install the ${label}: ${reason}`, {
    hint: 'without a service manager atm starts atmd by itself when needed (open `atm`, or run `atm daemon start`); nothing else is required',
  });
}

/**
 * `atm service install [--dry-run]`: writes the units for this installation, hands over from an
 * atmd that atm started itself (it saves and exits; the socket starts the service from the saved
 * state), and enables and starts the socket. A second run finds nothing to change.
 */
export async function installService(ports: InstallPorts, options: { dryRun: boolean }): Promise<number> {
  const { manager } = ports;
  const print = (line: string): void => ports.print(line);
  const unstable = findUnstableLocation(ports.execStart, ports.tempDirs);
  if (unstable !== null) {
    throw new AtmError('io-failed', `will not install a service that runs ${unstable.file}: it ${unstable.why}`, {
      hint: 'install atm for good first (npm install -g . in a checkout you keep, or a package), then run `atm service install` from there',
    });
  }
  const reason = await manager.unavailable();
  if (reason !== null) throw toNoManagerError(manager.label, reason);
  const files = manager.files({ execStart: ports.execStart, socketPath: ports.socketPath, logDir: ports.logDir });
  const changed: ServiceFile[] = [];
  for (const file of files) if ((await ports.readFile(file.path)) !== file.text) changed.push(file);
  if (options.dryRun) {
    for (const file of files) {
      print(changed.includes(file) ? `would write ${file.path}:` : `${file.path} is up to date:`);
      for (const line of file.text.trimEnd().split('\n')) print(`    ${line}`);
    }
    for (const command of manager.enableCommands) print(`would run: ${command}`);
    return 0;
  }
  for (const file of files) {
    if (changed.includes(file)) await ports.writeFile(file.path, file.text);
    print(`${changed.includes(file) ? 'wrote    ' : 'unchanged'} ${file.path}`);
  }
  const pid = await ports.selfStartedAtmd();
  if (pid !== null) {
    if (!(await ports.stopProcess(pid)))
      throw new AtmError('timeout', `atmd (pid ${pid}), started by atm, did not stop to hand over`, {
        hint: `stop it (kill ${pid}), then run \`atm service install\` again`,
      });
    print(`handed over: atmd (pid ${pid}, started by atm) saved its sessions and stopped`);
  }
  await manager.enable(changed.length > 0);
  const state = await manager.state();
  print(
    state.active
      ? `${manager.label} installed and ${state.enabled ? 'enabled' : 'not enabled'}; reports reach ${ports.socketPath}, and the first one starts atmd`
      : `${manager.label} installed, but not active: see \`atm service status\``,
  );
  return state.active ? 0 : 1;
}

/** `atm service uninstall`: stops, disables and removes the units; keeps the saved sessions and the config. */
export async function uninstallService(
  ports: Pick<InstallPorts, 'manager' | 'print' | 'readFile' | 'execStart' | 'socketPath' | 'logDir'> & {
    removeFile(path: string): Promise<boolean>;
    keptStateDir: string;
  },
): Promise<number> {
  const { manager } = ports;
  const print = (line: string): void => ports.print(line);
  const reason = await manager.unavailable();
  const files = manager.files({ execStart: ports.execStart, socketPath: ports.socketPath, logDir: ports.logDir });
  if (reason === null) await manager.disable();
  let removed = 0;
  for (const file of files) {
    if (await ports.removeFile(file.path)) {
      removed += 1;
      print(`removed ${file.path}`);
    }
  }
  if (reason === null && removed > 0) await manager.forget();
  print(
    removed === 0
      ? `atm's ${manager.label}: not installed; nothing to remove`
      : `kept the saved sessions and the config (${ports.keptStateDir}); atm starts atmd by itself again when needed`,
  );
  return 0;
}
