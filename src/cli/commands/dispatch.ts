import type { AtmPaths } from '../../platform/paths.js';
import { AtmError } from '../../shared/errors.js';
import { printLine } from '../output.js';
import { HELP_TEXT } from './help.js';

const DASHBOARD_FLAGS = new Set(['--pick', '--no-start']);

export interface CommandContext {
  readonly paths: AtmPaths;
  readonly env: NodeJS.ProcessEnv;
}

/** Every command but the hot-path ones. Each is imported only when chosen. */
export async function runCommand(argv: readonly string[], ctx: CommandContext): Promise<number> {
  // `atm --pick --no-start`: options alone mean the dashboard.
  const [name = 'dashboard', ...rest] =
    argv[0]?.startsWith('--') === true && DASHBOARD_FLAGS.has(argv[0]) ? ['dashboard', ...argv] : argv;
  switch (name) {
    case 'dashboard':
    case 'pick':
    case '--pick': {
      const { runDashboardCommand } = await import('./dashboard.js');
      const pick = name !== 'dashboard' || rest.includes('--pick');
      return runDashboardCommand(ctx, { mode: pick ? 'pick' : 'dashboard', noStart: rest.includes('--no-start') });
    }
    case 'list':
    case 'ls': {
      const { runList } = await import('./list.js');
      return runList(ctx, { json: rest.includes('--json') });
    }
    case 'daemon': {
      const { runDaemonCommand } = await import('./daemon.js');
      return runDaemonCommand(ctx, rest);
    }
    case 'setup': {
      const { runSetup, parseSetupArgs } = await import('./setup.js');
      const { createClaudeSetupContext } = await import('../claude-setup-process.js');
      return runSetup(createClaudeSetupContext(ctx), parseSetupArgs(rest, ['--project', '--dry-run', '--check']));
    }
    case 'uninstall': {
      const { runUninstall } = await import('./uninstall.js');
      const { parseSetupArgs } = await import('./setup.js');
      const { createClaudeSetupContext } = await import('../claude-setup-process.js');
      return runUninstall(createClaudeSetupContext(ctx), parseSetupArgs(rest, ['--project', '--dry-run']));
    }
    case 'help':
    case '--help':
    case '-h':
      printLine(HELP_TEXT);
      return 0;
    default:
      throw new AtmError('usage', `unknown command "${name}"`, { hint: 'run `atm --help` to see the commands' });
  }
}
