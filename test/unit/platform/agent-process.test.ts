import { describe, expect, it } from 'vitest';
import { isClaudeCommand } from '../../../src/integrations/claude/claude-process.js';
import { isSameProcess, resolveAgentPid } from '../../../src/platform/agent-process.js';
import type { ProcessTable } from '../../../src/platform/process-table.js';

interface FakeProcess {
  readonly ppid: number;
  readonly command: string;
  readonly commandLine?: string;
  readonly startTime?: string;
}

/** A ProcessTable over a fixed tree, as the real ones answer: null for pids that do not exist. */
class FakeProcessTable implements ProcessTable {
  readonly processes: Readonly<Record<number, FakeProcess>>;
  constructor(processes: Readonly<Record<number, FakeProcess>>) {
    this.processes = processes;
  }
  startTime = (pid: number) => Promise.resolve(this.processes[pid]?.startTime ?? (this.processes[pid] ? '1' : null));
  parentPid = (pid: number) => Promise.resolve(this.processes[pid]?.ppid ?? null);
  command = (pid: number) => Promise.resolve(this.processes[pid]?.command ?? null);
  commandLine = (pid: number) => {
    const found = this.processes[pid];
    return Promise.resolve(found === undefined ? null : (found.commandLine ?? found.command));
  };
}

describe('isClaudeCommand', () => {
  it.each([
    ['claude', null, true],
    ['claude', 'claude --resume', true],
    ['node', 'node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js', true],
    ['node', '/usr/bin/node /home/a/.npm/_npx/1/node_modules/@anthropic-ai/claude-code/cli.mjs -c', true],
    ['2.0.14', '/home/a/.local/bin/claude --dangerously-skip-permissions', true],
    ['2.0.14', 'claude', true],
    ['claude.exe', '/x/node_modules/@anthropic-ai/claude-code/bin/claude.exe', true],
    ['MainThread', '/x/node_modules/@anthropic-ai/claude-code/bin/claude.exe --resume', true],
    ['node', 'node server.js', false],
    ['bash', 'bash -c claude-monitor', false],
    ['claude-wrapper', 'claude-wrapper', false],
    ['node', 'node /x/@anthropic-ai/claude-code-helper/cli.js', false],
    ['vim', 'vim /notes/claude', false],
    ['sh', null, false],
  ])('%s %j → %s', (command, commandLine, expected) => {
    expect(isClaudeCommand(command, commandLine)).toBe(expected);
  });
});

// 100 atm hook ← 90 sh ← 80 claude ← 70 zsh ← 60 tmux ← 1 init
const tree = new FakeProcessTable({
  1: { ppid: 0, command: 'systemd' },
  60: { ppid: 1, command: 'tmux: server' },
  70: { ppid: 60, command: 'zsh' },
  80: { ppid: 70, command: 'claude' },
  90: { ppid: 80, command: 'sh', commandLine: 'sh -c atm hook' },
  100: { ppid: 90, command: 'node', commandLine: 'node /usr/bin/atm hook' },
  200: { ppid: 70, command: 'node', commandLine: 'node /opt/node_modules/@anthropic-ai/claude-code/cli.js' },
  210: { ppid: 200, command: 'node', commandLine: 'node atm hook' },
  300: { ppid: 70, command: 'bash' },
  310: { ppid: 310, command: 'loop' },
});

describe('resolveAgentPid', () => {
  it.each([
    ['the hook itself when it is claude', 80, 80],
    ['the nearest claude ancestor', 100, 80],
    ['a node process running claude-code’s cli', 210, 200],
    ['the starting pid when no ancestor is claude', 300, 300],
    ['the starting pid when it does not exist', 999, 999],
    ['the starting pid when a process is its own parent', 310, 310],
  ])('finds %s', async (_name, from, expected) => {
    expect(await resolveAgentPid(tree, from, isClaudeCommand)).toBe(expected);
  });

  it('accepts claude as pid 1 (a container’s entrypoint)', async () => {
    const container = new FakeProcessTable({ 1: { ppid: 0, command: 'claude' }, 7: { ppid: 1, command: 'sh' } });
    expect(await resolveAgentPid(container, 7, isClaudeCommand)).toBe(1);
  });

  it('stops after maxDepth ancestors', async () => {
    expect(await resolveAgentPid(tree, 100, isClaudeCommand, { maxDepth: 1 })).toBe(100);
    expect(await resolveAgentPid(tree, 100, isClaudeCommand, { maxDepth: 2 })).toBe(80);
  });
});

describe('isSameProcess', () => {
  const table = new FakeProcessTable({ 5: { ppid: 1, command: 'claude', startTime: '1000' } });
  it.each([
    ['alive with the same start time', 5, '1000', true],
    ['a reused pid (another start time)', 5, '999', false],
    ['gone', 6, '1000', false],
    ['an empty start time', 5, '', false],
  ])('%s → %s', async (_name, pid, startTime, expected) => {
    expect(await isSameProcess(table, pid, startTime)).toBe(expected);
  });
});
