import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClaudeCommand } from '../../../src/integrations/claude/claude-process.js';
import { resolveAgentPid } from '../../../src/platform/agent-process.js';
import { createProcessTableFor } from '../../../src/platform/process-table-for-platform.js';
import { killPid, spawnProcess } from './spawned.js';

const table = createProcessTableFor(process.platform);
let dir: string;
let fakeClaude: string;
let fakeCli: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atm-agent-'));
  // The native binary's comm is `claude`: a copy of sh under that name is one, as far as the OS says.
  fakeClaude = join(dir, 'claude');
  await copyFile(execFileSync('which', ['sh'], { encoding: 'utf8' }).trim(), fakeClaude);
  execFileSync('chmod', ['755', fakeClaude]);
  // The npm package: node running …/@anthropic-ai/claude-code/cli.js, which starts a "hook".
  fakeCli = join(dir, 'node_modules', '@anthropic-ai', 'claude-code', 'cli.js');
  await mkdir(join(fakeCli, '..'), { recursive: true });
  await writeFile(
    fakeCli,
    "const c = require('node:child_process').spawn('sleep', ['30'], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveAgentPid on real processes', () => {
  it('walks up from a hook to the native claude binary', async () => {
    // claude → sh → sleep (the "hook"): the hook's agent is the claude process.
    await using claude = spawnProcess(fakeClaude, ['-c', 'sh -c "sleep 30 & echo \\$!; wait" ; :']);
    const hook = Number(await claude.firstLine());
    try {
      expect(await resolveAgentPid(table, hook, isClaudeCommand)).toBe(claude.pid);
      expect(await resolveAgentPid(table, claude.pid, isClaudeCommand)).toBe(claude.pid);
    } finally {
      killPid(hook);
    }
  });

  it('accepts node running claude-code’s cli', async () => {
    await using cli = spawnProcess(process.execPath, [fakeCli]);
    const hook = Number(await cli.firstLine());
    try {
      expect(await resolveAgentPid(table, hook, isClaudeCommand)).toBe(cli.pid);
    } finally {
      killPid(hook);
    }
  });

  it('answers the starting pid when no ancestor within reach is claude', async () => {
    // maxDepth 1: the child and this test runner only, whatever runs the test suite.
    await using child = spawnProcess('sleep', ['30']);
    expect(await resolveAgentPid(table, child.pid, isClaudeCommand, { maxDepth: 1 })).toBe(child.pid);
  });

  it('answers the starting pid for a process that has exited', async () => {
    const child = spawnProcess('sleep', ['30']);
    await child.kill();
    expect(await resolveAgentPid(table, child.pid, isClaudeCommand)).toBe(child.pid);
  });
});
