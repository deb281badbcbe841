import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandTable } from '../../../src/cli/command-line/command-spec.js';
import { COMMAND_TABLE } from '../../../src/cli/command-table.js';
import { COMPLETION_FILES, renderCompletion } from '../../../src/cli/completion/render-completion.js';
import { spawnAgent } from '../../helpers/agent-process.js';
import { ATM_BIN, REPO_ROOT } from '../../helpers/built.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { daemonEnv, startDaemon } from '../../helpers/daemon-harness.js';
import { waitForSession } from '../../helpers/daemon-probes.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir, type TempDir } from '../../helpers/temp-dir.js';
import { hasTmux, startInTmux } from '../../e2e/tui/tmux-pane.js';

/**
 * The generated completions in the real shells: bash with bash-completion loaded (COMP_WORDS set
 * as readline would), fish through `complete -C`, zsh typed into a private tmux pane with <Tab>
 * and read back with capture-pane. `atm` on their PATH is the built CLI.
 */
const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';
const has = (command: string, ...args: string[]): boolean => spawnSync(command, args).error === undefined;
const hasBash = has('bash', '--version') && spawnSync('test', ['-r', BASH_COMPLETION]).status === 0;
const hasFish = has('fish', '--version');
const hasZsh = has('zsh', '--version');

/** A temp dir with `atm` on PATH (the built CLI) and the given environment. */
function makeShellHome(extraEnv: NodeJS.ProcessEnv = {}): TempDir & { env: NodeJS.ProcessEnv } {
  const temp = makeTempDir('atm-comp-');
  mkdirSync(join(temp.path, 'bin'));
  const atm = join(temp.path, 'bin', 'atm');
  writeFileSync(atm, `#!/bin/sh\nexec '${process.execPath}' '${ATM_BIN}' "$@"\n`);
  chmodSync(atm, 0o755);
  const env = {
    ...daemonEnv(temp.path),
    ...extraEnv,
    PATH: `${join(temp.path, 'bin')}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: join(temp.path, 'config'), // fish writes its own files here
  };
  return Object.assign(temp, { env });
}

/** What bash offers for `line` (the cursor at its end), with bash-completion loaded. */
function bashComplete(script: string, line: string, env: NodeJS.ProcessEnv): string[] {
  const program = [
    `source ${BASH_COMPLETION}`,
    'source "$1"',
    'COMP_LINE=$2; COMP_POINT=${#COMP_LINE}',
    'read -ra COMP_WORDS <<<"$COMP_LINE"',
    '[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")',
    'COMP_CWORD=$((${#COMP_WORDS[@]} - 1))',
    '_atm atm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const out = execFileSync('bash', ['-c', program, 'bash', script, line], { env, encoding: 'utf8', timeout: 20_000 });
  return out.split('\n').filter((word) => word !== '');
}

/** What fish offers for `line`: the values, without their descriptions. */
function fishComplete(script: string, line: string, env: NodeJS.ProcessEnv): string[] {
  const out = execFileSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', script, line], {
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t')[0] ?? '');
}

const FILE = (shell: keyof typeof COMPLETION_FILES): string => join(REPO_ROOT, COMPLETION_FILES[shell]);

/** The real table plus a command that takes a session, as `atm jump` will. */
const WITH_SESSIONS: CommandTable = {
  ...COMMAND_TABLE,
  commands: [
    ...COMMAND_TABLE.commands,
    {
      name: 'goto',
      summary: 'go to a session',
      options: [{ name: 'session', type: 'string', complete: 'session', description: 'which one' }],
      arguments: [{ name: 'session', description: 'a session id or project', required: true, complete: 'session' }],
      examples: [],
      load: () => Promise.reject(new Error('not run')),
    },
  ],
};

describe('atm completion prints the checked-in scripts', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('atm completion %s', async (shell) => {
    using home = makeShellHome();
    const result = await runCli(['completion', shell], { env: home.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(FILE(shell), 'utf8'));
  });
});

describe('atm __sessions (the completions ask it for session ids)', () => {
  it('prints nothing and exits 0 when no daemon answers', async () => {
    using home = makeShellHome();
    const result = await runCli(['__sessions'], { env: home.env });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
  });
});

describe.skipIf(!hasBash)('bash (with bash-completion)', () => {
  it.each([
    ['atm li', ['list']],
    ['atm list --j', ['--json']],
    ['atm daemon st', ['start', 'stop', 'status']],
    ['atm daemon stop ', []],
    ['atm --color ', ['auto', 'always', 'never']],
    ['atm --color=ne', ['never']],
    ['atm --color never set', ['setup']],
    ['atm setup --', ['--project', '--dry-run', '--force', '--check', '--help', '--color']],
    ['atm completion ', ['bash', 'zsh', 'fish']],
    ['atm help unin', ['uninstall']],
  ])('%j offers %j', (line, expected) => {
    using home = makeShellHome();
    const offered = bashComplete(FILE('bash'), line, home.env);
    if (line.startsWith('atm setup --')) expect(offered).toEqual(expect.arrayContaining(expected));
    else expect(offered).toEqual(expected);
  });

  it('completes session ids and projects from a running daemon, and nothing without one', async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const id = sessionId('complete');
    await sendOneShot(daemon.socketPath, { agentPid: agent.pid, pane: '%3' }, hook(id, 'PermissionRequest'));
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting');
    using home = makeShellHome({ ATM_SOCKET: daemon.socketPath });
    const script = join(home.path, 'atm.bash');
    writeFileSync(script, renderCompletion('bash', WITH_SESSIONS));

    expect(bashComplete(script, 'atm goto ', home.env).sort()).toEqual([id, 'shop-frontend'].sort());
    expect(bashComplete(script, 'atm goto --session shop', home.env)).toEqual(['shop-frontend']);
    await daemon.stop();
    expect(bashComplete(script, 'atm goto ', home.env)).toEqual([]);
  });
});

describe.skipIf(!hasFish)('fish (complete -C)', () => {
  it.each([
    ['atm li', ['list']],
    ['atm list --', ['--color', '--help', '--json']],
    ['atm daemon ', ['restart', 'run', 'start', 'status', 'stop']],
    ['atm --color=', ['--color=always', '--color=auto', '--color=never']],
    ['atm completion ', ['bash', 'fish', 'zsh']],
  ])('%j offers %j', (line, expected) => {
    using home = makeShellHome();
    expect(fishComplete(FILE('fish'), line, home.env).sort()).toEqual(expected);
  });

  it('completes session ids from a running daemon', async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const id = sessionId('fish');
    await sendOneShot(daemon.socketPath, { agentPid: agent.pid, pane: '%4' }, hook(id, 'PermissionRequest'));
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting');
    using home = makeShellHome({ ATM_SOCKET: daemon.socketPath });
    const script = join(home.path, 'atm.fish');
    writeFileSync(script, renderCompletion('fish', WITH_SESSIONS));
    expect(fishComplete(script, 'atm goto ', home.env).sort()).toEqual([id, 'shop-frontend'].sort());
  });
});

describe.skipIf(!hasZsh || !hasTmux)('zsh (typed into a tmux pane)', () => {
  it('completes a command name and an option value on <Tab>', { timeout: 60_000 }, async () => {
    using home = makeShellHome();
    const names = COMMAND_TABLE.commands.map((spec) => spec.name);
    // `atm doc<Tab>` once atm doctor exists; until then another unique prefix.
    const [prefix, word] = names.includes('doctor') ? ['doc', 'doctor'] : ['unin', 'uninstall'];
    const zdot = join(home.path, 'zdot');
    mkdirSync(zdot);
    writeFileSync(
      join(zdot, '.zshrc'),
      [
        `export PATH='${home.env.PATH ?? ''}'`,
        `fpath=('${join(REPO_ROOT, 'completions')}' $fpath)`,
        'autoload -Uz compinit && compinit -u -D',
        "PS1='%% '",
      ].join('\n'),
    );
    await using pane = startInTmux(
      ['env', `ZDOTDIR=${zdot}`, `HOME=${home.path}`, 'zsh', '-i'],
      { width: 100, height: 20 },
      join(home.path, 'status'),
    );
    await pollFor(() => (pane.capture().includes('%') ? true : undefined), {
      what: 'the zsh prompt',
      timeoutMs: 20_000,
    });
    pane.type(`atm ${prefix}`);
    pane.sendKeys('Tab');
    // capture-pane trims the space completion adds after the word: the line ends with the word.
    const endsWith = (text: string) => (): true | undefined =>
      pane
        .capture()
        .split('\n')
        .some((line) => line === `% ${text}`)
        ? true
        : undefined;
    await pollFor(endsWith(`atm ${word}`), {
      what: `zsh to complete atm ${prefix} to atm ${word}: ${pane.capture()}`,
      timeoutMs: 20_000,
    });
    pane.sendKeys('C-u');
    pane.type('atm daemon sto');
    pane.sendKeys('Tab');
    await pollFor(endsWith('atm daemon stop'), {
      what: 'zsh to complete atm daemon sto to stop',
      timeoutMs: 20_000,
    });
  });
  it('completes session ids and projects from a running daemon on <Tab>', { timeout: 60_000 }, async () => {
    await using daemon = await startDaemon();
    await using agent = spawnAgent();
    const id = sessionId('zsh');
    await sendOneShot(daemon.socketPath, { agentPid: agent.pid, pane: '%5' }, hook(id, 'PermissionRequest'));
    await waitForSession(daemon.socketPath, id, (s) => s.status === 'waiting');
    using home = makeShellHome();
    const functions = join(home.path, 'functions');
    mkdirSync(functions);
    writeFileSync(join(functions, '_atm'), renderCompletion('zsh', WITH_SESSIONS));
    const zdot = join(home.path, 'zdot');
    mkdirSync(zdot);
    writeFileSync(
      join(zdot, '.zshrc'),
      [
        `export PATH='${home.env.PATH ?? ''}' ATM_SOCKET='${daemon.socketPath}'`,
        `fpath=('${functions}' $fpath)`,
        'autoload -Uz compinit && compinit -u -D',
        "PS1='%% '",
      ].join('\n'),
    );
    await using pane = startInTmux(
      ['env', `ZDOTDIR=${zdot}`, `HOME=${home.path}`, 'zsh', '-i'],
      { width: 120, height: 20 },
      join(home.path, 'status'),
    );
    await pollFor(() => (pane.capture().includes('%') ? true : undefined), {
      what: 'the zsh prompt',
      timeoutMs: 20_000,
    });
    const shows = (text: string) => (): true | undefined =>
      pane
        .capture()
        .split('\n')
        .some((line) => line === `% ${text}`)
        ? true
        : undefined;
    pane.type('atm goto shop');
    pane.sendKeys('Tab');
    await pollFor(shows('atm goto shop-frontend'), { what: `the project: ${pane.capture()}`, timeoutMs: 20_000 });
    pane.sendKeys('C-u');
    pane.type(`atm goto ${id.slice(0, 8)}`);
    pane.sendKeys('Tab');
    await pollFor(shows(`atm goto ${id}`), { what: `the session id: ${pane.capture()}`, timeoutMs: 20_000 });
  });
});
