import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findExecutable } from '../../../src/integrations/claude/shim/detect-transport.js';
import { isAtmHookHandler } from '../../../src/integrations/claude/settings-atm-entries.js';

/** What a command did, in bytes (status lines are compared byte for byte). */
export interface RawResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/** Spawns `file` with `args`, no shell, writes `stdin` and closes it, as Claude Code runs a hook or status line. */
export function runRaw(
  file: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; stdin: string | Buffer; cwd?: string; timeoutMs?: number },
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
    child.stdin.on('error', () => undefined); // a hook may exit without reading everything
    child.stdin.end(options.stdin);
  });
}

interface Handler {
  readonly command: string;
  readonly args?: readonly string[];
}

/** atm's handler for `event` in a settings file written by `atm setup`. */
export function atmHandler(settingsPath: string, event: string): Handler {
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as { hooks: Record<string, { hooks: unknown[] }[]> };
  const handler = (settings.hooks[event] ?? []).flatMap((group) => group.hooks).find(isAtmHookHandler);
  if (handler === undefined) throw new Error(`no atm handler for ${event} in ${settingsPath}`);
  return handler as Handler;
}

export function statusLineCommand(settingsPath: string): string {
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as { statusLine: { command: string } };
  return settings.statusLine.command;
}

/** Exec form (Claude Code >= 2.1.139): `command` spawned with `args`, no shell. */
export const runExecForm = (handler: Handler, stdin: string | Buffer, env: NodeJS.ProcessEnv): Promise<RawResult> =>
  runRaw(handler.command, handler.args ?? [], { env, stdin });

/** Shell form: the status line always, and hooks in a Claude Code that ignores `args`: `/bin/sh -c <command>`. */
export const runShellForm = (command: string, stdin: string | Buffer, env: NodeJS.ProcessEnv): Promise<RawResult> =>
  runRaw('/bin/sh', ['-c', command], { env, stdin });

/**
 * A directory to use as PATH holding links to only the named tools (found on this PATH), so a
 * test can offer the shim nc, socat or neither. Returns null (skip) when a tool is not installed.
 */
export async function makeToolsDir(dir: string, tools: readonly string[]): Promise<string | null> {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of tools) {
    const found = await findExecutable(tool, process.env.PATH);
    if (found === null) return null;
    symlinkSync(found, join(bin, tool));
  }
  return bin;
}

/** Tools the shim and the sample status lines use besides the transport. */
export const BASE_TOOLS = ['date', 'cat', 'sed'] as const;
