import type { CommandContext, CommandRunner } from '../command-line/command-spec.js';
import { createClaudeSetupContext } from '../claude-setup-process.js';
import { toSettingsPath, toShimPath } from '../claude-setup-context.js';
import { printLine } from '../output.js';
import { fail, renderDoctor, toDoctorJson, type DoctorCheck } from './doctor-check.js';
import {
  checkAtmOnPath,
  checkClaudeVersion,
  checkDaemon,
  checkDirectory,
  checkNode,
  checkService,
  checkSettings,
  checkShim,
  checkSocket,
  checkTmux,
} from './doctor-checks.js';
import { checkConfig } from './doctor-config-check.js';
import { createServiceManager, toExecStart } from './service.js';

export const run: CommandRunner = (ctx, input) => runDoctor(ctx, { json: input.flag('json') });

/** `atm doctor [--json]`: every check, one line each, a fix for each failure; exit 0 only when none fails. */
export async function runDoctor(ctx: CommandContext, options: { json: boolean }): Promise<number> {
  const checks = await collectChecks(ctx);
  if (options.json) printLine(toDoctorJson(checks));
  else for (const line of renderDoctor(checks)) printLine(line);
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}

async function collectChecks(ctx: CommandContext): Promise<DoctorCheck[]> {
  const { paths, env } = ctx;
  const manager = await createServiceManager(ctx);
  const [unit] = manager.files({ execStart: await toExecStart(), socketPath: paths.socketPath, logDir: paths.logDir });
  const service = await checkService(manager, unit?.path ?? '');
  const config = await checkConfig(paths.configDir, env);
  // atmd will not start on a bad config: its fix comes first.
  const first = config.status === 'fail' ? 'fix the config (above), then: ' : '';
  const startFix = `${first}${service.installed ? 'atm service start' : 'atm daemon start'}`;
  const restartFix = service.installed ? 'atm service restart' : 'atm daemon restart';
  const setup = createClaudeSetupContext(ctx);
  const shimPath = toShimPath(setup);
  const socket = await checkSocket(paths.socketPath, startFix);
  // A socket that is not right is refused by atm's clients too: asking through it says nothing new.
  const daemon =
    socket.status === 'fail'
      ? fail('atmd', 'not asked: the socket is not right (above)', socket.fix ?? startFix)
      : await checkDaemon(paths.socketPath, startFix, restartFix);
  return [
    checkNode(process.versions.node, process.execPath),
    await checkAtmOnPath(env.PATH),
    config,
    service.check,
    socket,
    daemon,
    ...(await checkSettings(toSettingsPath(setup, 'user'), shimPath)),
    await checkShim(shimPath, env, daemon.status === 'pass'),
    await checkClaudeVersion(env),
    await checkTmux(env),
    await checkDirectory('state dir', paths.stateDir),
    await checkDirectory('log dir', paths.logDir),
  ];
}
