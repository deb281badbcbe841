import { describe, expect, it } from 'vitest';
import type { CommandModule, CommandTable } from '../../../../src/cli/command-line/command-spec.js';
import { parseCommandLine, type ParseOutcome } from '../../../../src/cli/command-line/parse-command-line.js';
import { COMMAND_TABLE } from '../../../../src/cli/command-table.js';

const noModule = (): Promise<CommandModule> => Promise.reject(new Error('not loaded in this test'));

/** A small table of its own, so these rules do not move when a command is added. */
const TABLE: CommandTable = {
  defaultCommand: 'dash',
  globalOptions: [{ name: 'help', short: 'h', type: 'boolean', description: 'help' }],
  rootOptions: [{ name: 'version', short: 'V', type: 'boolean', description: 'version' }],
  commands: [
    {
      name: 'dash',
      summary: 'the default',
      options: [{ name: 'pick', type: 'boolean', description: 'pick' }],
      arguments: [],
      examples: [],
      load: noModule,
    },
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'list',
      options: [
        { name: 'json', type: 'boolean', description: 'json' },
        { name: 'sort', type: 'string', choices: ['name', 'status'], default: 'status', description: 'sort' },
      ],
      arguments: [],
      examples: [],
      load: noModule,
    },
    {
      name: 'daemon',
      summary: 'daemon',
      options: [],
      arguments: [
        { name: 'action', required: false, default: 'status', choices: ['start', 'stop', 'status'], description: 'a' },
      ],
      examples: [],
      load: noModule,
    },
    {
      name: 'completion',
      summary: 'completion',
      options: [],
      arguments: [{ name: 'shell', required: true, choices: ['bash', 'zsh', 'fish'], description: 's' }],
      examples: [],
      load: noModule,
    },
  ],
};

const describeOutcome = (outcome: ParseOutcome): string => {
  switch (outcome.kind) {
    case 'run':
      return `run ${outcome.spec.name}`;
    case 'help':
      return `help ${outcome.spec?.name ?? 'atm'}`;
    case 'version':
      return 'version';
    case 'usage-error':
      return `error ${outcome.spec?.name ?? 'atm'}: ${outcome.message}`;
  }
};

describe('parseCommandLine', () => {
  it.each([
    [[], 'run dash'],
    [['--pick'], 'run dash'],
    [['--help'], 'help atm'],
    [['-h'], 'help atm'],
    [['--version'], 'version'],
    [['-V'], 'version'],
    [['list'], 'run list'],
    [['ls'], 'run list'],
    [['list', '--help'], 'help list'],
    [['list', '--jsno', '--help'], 'help list'],
    [['-h', 'list'], 'help list'],
    [['list', '--jsno'], 'error list: unknown option --jsno (did you mean --json?)'],
    [['list', '-x'], 'error list: unknown option -x'],
    [['list', '--json=yes'], 'error list: option --json takes no value'],
    [['list', 'foo'], 'error list: unexpected argument "foo"'],
    [['list', '--sort'], 'error list: option --sort needs a value (name or status)'],
    [['list', '--sort', '--json'], 'error list: option --sort needs a value (name or status)'],
    [['list', '--sort', 'nmae'], 'error list: invalid --sort "nmae" (did you mean name?); use name or status'],
    [['list', '--sort=name'], 'run list'],
    [['list', '--version'], 'error list: unknown option --version'],
    [['lsit'], 'error atm: unknown command "lsit" (did you mean list?)'],
    [['--pikc'], 'error atm: unknown option --pikc (did you mean --pick?)'],
    [['--pick', 'list'], 'error list: unknown option --pick'],
    [['daemon'], 'run daemon'],
    [['daemon', 'stp'], 'error daemon: invalid action "stp" (did you mean stop?); use start, stop or status'],
    [['daemon', 'stop', 'now'], 'error daemon: unexpected argument "now"'],
    [['completion'], 'error completion: missing shell (bash, zsh or fish)'],
    [['completion', 'fish'], 'run completion'],
    [['--', 'list'], 'error atm: unexpected argument "list"'],
  ])('%j → %s', (argv, expected) => {
    expect(describeOutcome(parseCommandLine(argv, TABLE))).toBe(expected);
  });

  it('hands the command its flags, texts with defaults, and arguments with defaults', () => {
    const sorted = parseCommandLine(['list', '--json', '--sort', 'name'], TABLE);
    const plain = parseCommandLine(['ls'], TABLE);
    const daemon = parseCommandLine(['daemon'], TABLE);
    if (sorted.kind !== 'run' || plain.kind !== 'run' || daemon.kind !== 'run') throw new Error('expected runs');
    expect([sorted.input.command, sorted.input.flag('json'), sorted.input.text('sort')]).toEqual([
      'list',
      true,
      'name',
    ]);
    expect([plain.input.command, plain.input.flag('json'), plain.input.text('sort')]).toEqual([
      'list',
      false,
      'status',
    ]);
    expect(daemon.input.arg('action')).toBe('status');
  });
});

describe('the command table', () => {
  it('names every command, alias and option once', () => {
    const names = COMMAND_TABLE.commands.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const spec of COMMAND_TABLE.commands) {
      const options = [...spec.options, ...COMMAND_TABLE.globalOptions].flatMap((o) => [o.name, o.short ?? []].flat());
      expect(new Set(options).size, spec.name).toBe(options.length);
    }
  });

  it('loads a module exporting run for every command that is not a hot path', async () => {
    for (const spec of COMMAND_TABLE.commands) {
      if (spec.hotPath === true) continue;
      const module = await spec.load();
      expect(typeof module.run, spec.name).toBe('function');
    }
  });
});
