import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/command-table.js';
import { daemonEnv } from '../../helpers/daemon-harness.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';

/**
 * The built atm against the command table: help never reaches atmd, and every mistake exits 2
 * naming what was wrong. A plain listening socket stands in at ATM_SOCKET to count connections:
 * a real atmd would answer, which is exactly what --help must never cause.
 */
let dir: TempDir;
let server: Server;
let connections: number;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = makeTempDir('atm-usage-');
  connections = 0;
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  const socketPath = join(dir.path, 'atm.sock');
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  env = { ...daemonEnv(dir.path), ATM_SOCKET: socketPath };
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  dir[Symbol.dispose]();
});

// The hot-path commands too: `atm hook --help` is a person asking, and must not run as a hook.
const people = COMMANDS.filter((spec) => spec.hidden !== true);

describe('atm --help', () => {
  it.each(people.map((spec) => spec.name))(
    'atm %s --help prints its usage, exits 0, contacts no daemon',
    async (name) => {
      const result = await runCli([name, '--help'], { env });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^atm ${name} — `));
      expect(result.stdout).toContain(`Usage: atm ${name}`);
      expect(connections).toBe(0);
    },
  );

  it('atm help setup is atm setup --help; atm -h lists every command', async () => {
    const [viaHelp, viaFlag, root] = await Promise.all([
      runCli(['help', 'setup'], { env }),
      runCli(['setup', '--help'], { env }),
      runCli(['-h'], { env }),
    ]);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain('--dry-run');
    for (const spec of COMMANDS) {
      if (spec.hidden === true) expect(root.stdout).not.toContain(spec.name);
      else expect(root.stdout).toContain(`  ${spec.name}`);
    }
    expect(root.code).toBe(0);
    expect(connections).toBe(0);
  });
});

describe('usage errors exit 2 and name the mistake', () => {
  it.each([
    [['list', '--jsno'], 'atm list: unknown option --jsno (did you mean --json?)', 'Usage: atm list [--json]'],
    [['list', 'foo'], 'atm list: unexpected argument "foo"', 'Usage: atm list [--json]'],
    [['lsit'], 'atm: unknown command "lsit" (did you mean list?)', 'Usage: atm [command]'],
    [['daemon', 'stp'], 'atm daemon: invalid action "stp" (did you mean stop?)', 'Usage: atm daemon'],
    [['setup', '--check=yes'], 'atm setup: option --check takes no value', 'Usage: atm setup'],
    [['help', 'lsit'], 'atm: help: unknown command "lsit" (did you mean list?)', ''],
  ])('atm %j', async (argv, message, usage) => {
    const result = await runCli(argv, { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(usage);
    expect(connections).toBe(0);
  });
});
