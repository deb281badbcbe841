import { join } from 'node:path';
import type { InstallInputs, ServiceFile, ServiceManager, ServiceState } from '../service-manager.js';
import { runFile } from '../../platform/exec-file.js';
import { AtmError } from '../../shared/errors.js';
import { describeUnit, parseSystemctlShow, SHOW_PROPERTIES } from './systemctl-show.js';
import {
  DEFAULT_LISTEN_PATH,
  renderServiceUnit,
  renderSocketUnit,
  SERVICE_UNIT,
  SOCKET_UNIT,
} from './systemd-units.js';

const TIMEOUT_MS = 60_000;

/** `~/.config/systemd/user` ($XDG_CONFIG_HOME honoured), where a user's own units go. */
export const toUserUnitDir = (env: NodeJS.ProcessEnv, home: string): string =>
  join(env.XDG_CONFIG_HOME?.startsWith('/') === true ? env.XDG_CONFIG_HOME : join(home, '.config'), 'systemd', 'user');

/** The systemd user manager, through `systemctl --user` (execFile, no shell). */
export function createSystemdService(options: { env: NodeJS.ProcessEnv; home: string }): ServiceManager {
  const unitDir = toUserUnitDir(options.env, options.home);
  const systemctl = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const outcome = await runFile('systemctl', ['--user', ...args], { timeoutMs: TIMEOUT_MS, env: options.env });
    switch (outcome.kind) {
      case 'exited':
        return { code: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
      case 'not-found':
        return { code: 127, stdout: '', stderr: 'systemctl is not installed' };
      case 'timed-out':
        return { code: 124, stdout: '', stderr: `systemctl --user ${args.join(' ')} took over ${TIMEOUT_MS / 1000} s` };
      case 'failed':
        return { code: 1, stdout: '', stderr: outcome.error.message };
    }
  };
  const must = async (...args: string[]): Promise<void> => {
    const result = await systemctl(...args);
    if (result.code !== 0)
      throw new AtmError('io-failed', `systemctl --user ${args.join(' ')} failed: ${firstLine(result.stderr)}`, {
        hint: `see: systemctl --user status ${SERVICE_UNIT} ${SOCKET_UNIT}`,
      });
  };
  const show = async () => {
    const result = await systemctl('show', '-p', SHOW_PROPERTIES.join(','), SOCKET_UNIT, SERVICE_UNIT);
    const [socket = {}, service = {}] = parseSystemctlShow(result.stdout);
    return { socket, service };
  };
  return {
    label: 'systemd user units',
    async unavailable() {
      const result = await systemctl('show', '-p', 'Version');
      if (result.code === 0) return null;
      return `no systemd user manager answers here (systemctl --user: ${firstLine(result.stderr)})`;
    },
    files(inputs: InstallInputs): ServiceFile[] {
      const runtime = options.env.XDG_RUNTIME_DIR;
      const listenPath =
        runtime !== undefined && inputs.socketPath === join(runtime, 'atm.sock')
          ? DEFAULT_LISTEN_PATH
          : inputs.socketPath;
      return [
        { path: join(unitDir, SOCKET_UNIT), text: renderSocketUnit({ listenPath }) },
        { path: join(unitDir, SERVICE_UNIT), text: renderServiceUnit({ execStart: inputs.execStart }) },
      ];
    },
    enableCommands: ['systemctl --user daemon-reload', `systemctl --user enable --now ${SOCKET_UNIT}`],
    async enable(changed) {
      if (changed) await must('daemon-reload');
      await must('enable', '--now', SOCKET_UNIT);
    },
    async disable() {
      const { socket } = await show();
      if (socket.LoadState === 'not-found') return;
      await must('disable', '--now', SOCKET_UNIT, SERVICE_UNIT);
    },
    forget: () => must('daemon-reload'),
    start: () => must('start', SOCKET_UNIT),
    stop: () => must('stop', SOCKET_UNIT, SERVICE_UNIT),
    restart: () => must('restart', SERVICE_UNIT),
    async state(): Promise<ServiceState> {
      const { socket, service } = await show();
      const pid = Number(service.MainPID ?? '0');
      return {
        installed: socket.LoadState === 'loaded' && service.LoadState === 'loaded',
        enabled: socket.UnitFileState === 'enabled',
        active: socket.ActiveState === 'active',
        mainPid: service.ActiveState === 'active' && pid > 0 ? pid : null,
        lines: [describeUnit(socket), describeUnit(service)],
      };
    },
  };
}

const firstLine = (text: string): string => text.trim().split('\n')[0] ?? '';
