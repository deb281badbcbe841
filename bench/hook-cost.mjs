#!/usr/bin/env node
/**
 * Hook cost: CPU and wall time per hook event of each way to report to atmd, against a real atmd:
 * - reference: bench/reference-hook.sh (bash + jq ×3 + socat, the original plan);
 * - the shim `atm setup` installs, with nc and with socat as its transport (set up for real in a
 *   private HOME whose PATH offers only that tool, then run as Claude Code runs it: exec form);
 * - `atm hook` (node), which the shim falls back to when neither tool exists.
 * Each run sends N events (PreToolUse/PostToolUse alternating) one after another from a small
 * sh loop, which then prints `times`: the CPU (user+sys) of its children, which includes every
 * process a hook starts and waits for (jq, date, cat, nc, ...). Wall time is the loop's, per event.
 * atmd's own CPU per event comes from /proc/<pid>/stat. After each command the bench checks that
 * its reports reached atmd (the session is listed), so a command that fails fast does not win.
 * Usage: node bench/hook-cost.mjs [--runs N] [--quick]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs } from './lib/args.mjs';
import { sessionIdFor, toolHookPayload } from './lib/payloads.mjs';
import { printReport, runBench } from './lib/report.mjs';
import { startAtmd } from './lib/servers.mjs';
import { formatNumber, formatRuns, median } from './lib/stats.mjs';
import { listSessions, openSession } from './lib/wire.mjs';

const REPO_ROOT = join(import.meta.dirname, '..');
const ATM_MAIN = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const REFERENCE = join(import.meta.dirname, 'reference-hook.sh');
const GOAL_PERCENT = 20;

/** The sh loop: runs "$@" N times with stdin alternating between two payload files, then `times`. */
const LOOP =
  'n=$1; a=$2; b=$3; shift 3; i=0; while [ "$i" -lt "$n" ]; do if [ $((i % 2)) -eq 0 ]; then f=$a; else f=$b; fi; "$@" < "$f" >/dev/null 2>&1; i=$((i + 1)); done; times';

/** Finds a program on PATH, or null. */
function which(/** @type {string} */ name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path.startsWith('/') ? path : null;
}

/** The children's user+sys seconds from the second line of `times` ("0m0.012000s 0m0.004000s"). */
function childCpuSeconds(/** @type {string} */ output) {
  const line = output.trim().split('\n').at(-1) ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  if (parts.length !== 2) throw new Error(`cannot read \`times\` output: ${output}`);
  return /** @type {number} */ (parts[0]) + /** @type {number} */ (parts[1]);
}

/** utime+stime of a process in seconds, from /proc/<pid>/stat. */
function processCpuSeconds(/** @type {number} */ pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * Runs `atm setup` in a private HOME whose PATH holds only date, cat and `tool`, and returns the
 * PreToolUse handler it installed ({command, args}): the exact command Claude Code would run.
 */
function installShim(/** @type {string} */ dir, /** @type {string} */ tool, /** @type {NodeJS.ProcessEnv} */ env) {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const name of ['date', 'cat', tool]) {
    const path = which(name);
    if (path === null) return null;
    symlinkSync(path, join(bin, name));
  }
  const home = join(dir, 'home');
  const setupEnv = {
    ...env,
    HOME: home,
    PATH: bin,
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_DATA_HOME: join(dir, 'data'),
  };
  const out = execFileSync(process.execPath, [ATM_MAIN, 'setup'], { env: setupEnv, encoding: 'utf8' });
  if (!new RegExp(`^ {2}transport {4}${tool} `, 'm').test(out))
    throw new Error(`atm setup did not pick ${tool}:\n${out}`);
  const settings = JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8'));
  const handler = settings.hooks.PreToolUse.flatMap((/** @type {{ hooks: object[] }} */ g) => g.hooks).at(-1);
  return { command: handler.command, args: handler.args, env: { ...env, PATH: bin } };
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2), { runs: 5 });
  const events = args.quick ? 20 : 200;
  if (!existsSync(ATM_MAIN)) throw new Error(`${ATM_MAIN} is missing: run \`npm run build\` first`);
  const daemon = await startAtmd();
  const work = mkdtempSync('/tmp/atmh-');
  const notes = [];
  try {
    // What every command gets: the daemon's socket, and the agent pid (as Claude Code's $CLAUDE_PID
    // gives it) so atmd does not walk /proc for a `claude` ancestor the bench does not have.
    const env = {
      PATH: process.env.PATH,
      HOME: join(work, 'home'),
      ATM_SOCKET: daemon.socketPath,
      ATM_AGENT_PID: String(process.pid),
      LC_ALL: 'C',
    };
    /** @type {{ name: string, command: string, args: string[], env: NodeJS.ProcessEnv }[]} */
    const candidates = [];
    const bash = which('bash');
    if (bash !== null && which('jq') !== null && which('socat') !== null)
      candidates.push({ name: 'reference: bash + jq ×3 + socat', command: bash, args: [REFERENCE], env });
    else notes.push('reference skipped: it needs bash, jq and socat');
    for (const tool of ['nc', 'socat']) {
      const dir = join(work, tool);
      const shim = which(tool) === null ? null : installShim(dir, tool, env);
      if (shim === null) notes.push(`shim (${tool}) skipped: ${tool} is not installed`);
      else candidates.push({ name: `installed shim (${tool})`, ...shim });
    }
    candidates.push({ name: '`atm hook` (node)', command: process.execPath, args: [ATM_MAIN, 'hook'], env });

    const session = await openSession(daemon.socketPath);
    const results = [];
    for (const [index, candidate] of candidates.entries()) {
      const id = sessionIdFor(index);
      const [a, b] = [0, 1].map((seq) => {
        const file = join(work, `payload-${index}-${seq}.json`);
        writeFileSync(file, JSON.stringify(toolHookPayload(id, seq)));
        return file;
      });
      const cpuMs = [];
      const wallMs = [];
      const daemonMs = [];
      for (let run = 0; run < args.runs; run += 1) {
        const daemonBefore = processCpuSeconds(daemon.pid);
        const started = performance.now();
        const loop = spawnSync(
          '/bin/sh',
          ['-c', LOOP, 'sh', String(events), a, b, candidate.command, ...candidate.args],
          { env: candidate.env, encoding: 'utf8' },
        );
        const elapsed = performance.now() - started;
        if (loop.status !== 0)
          throw new Error(`${candidate.name}: the loop failed: ${loop.error?.message ?? loop.stderr}`);
        cpuMs.push((childCpuSeconds(loop.stdout) * 1000) / events);
        wallMs.push(elapsed / events);
        daemonMs.push(((processCpuSeconds(daemon.pid) - daemonBefore) * 1000) / events);
      }
      const listed = (await listSessions(session)).some((s) => s.id === id);
      if (!listed) throw new Error(`${candidate.name}: its reports never reached atmd`);
      results.push({ name: candidate.name, cpuMs, wallMs, daemonMs });
    }
    session.close();

    const reference = results.find((result) => result.name.startsWith('reference'));
    const rows = results.map((result) => [
      result.name,
      formatRuns(result.cpuMs, 2),
      reference === undefined ? 'n/a' : `${formatNumber((median(result.cpuMs) / median(reference.cpuMs)) * 100, 0)} %`,
      formatRuns(result.wallMs, 2),
      formatNumber(median(result.daemonMs), 2),
    ]);
    for (const result of results.filter((r) => r.name.startsWith('installed shim'))) {
      if (reference === undefined) continue;
      const percent = (median(result.cpuMs) / median(reference.cpuMs)) * 100;
      notes.push(
        `${result.name}: ${formatNumber(percent, 0)} % of the reference's CPU per event (goal: at most ${GOAL_PERCENT} %) — ${percent <= GOAL_PERCENT ? 'met' : 'NOT met'}`,
      );
    }
    notes.push(
      `${events} events per run, sent one after another; CPU is user+sys of the hook process and everything it starts (sh \`times\`), wall is per event including process start`,
    );
    notes.push(
      "atmd CPU is the daemon's own work per event, the same for every command (they send the same one-shot report)",
    );
    printReport({
      title: 'Hook cost per event',
      args,
      header: ['command', 'CPU ms/event', 'CPU vs reference', 'wall ms/event', 'atmd CPU ms/event'],
      rows,
      notes,
    });
  } finally {
    await daemon.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runBench(main);
