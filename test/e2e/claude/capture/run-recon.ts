import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { toProjectSlug } from '../claude-config-seed.js';
import { findClaudeBinary } from '../claude-binary.js';
import { CLAUDE_FIXTURES_DIR, REPO_ROOT } from '../harness-paths.js';
import { createTidier, REDACTED, type PathReplacement } from './fixture-tidy.js';
import { toFixtureFiles } from './recon-fixtures.js';
import { runPrintRecon } from './recon-print.js';
import { startInteractiveRecon, type ReconBase } from './recon-session.js';
import type { Scenario } from './recon-scenario.js';
import { SCENARIOS } from './recon-scenarios.js';
import type { SessionsFileChange } from './sessions-watcher.js';

/**
 * Recon entry point: runs the scenarios against the pinned real Claude Code and rewrites
 * test/fixtures/claude/<version>/<scenario>/. Not a test; run it by hand when the pin moves:
 *
 *   npx tsc -p test/e2e/claude/tsconfig.run.json
 *   node test/e2e/claude/cache/recon-build/test/e2e/claude/capture/run-recon.js [scenario ...]
 */
export const PLACEHOLDER_HOME = '/home/user';

function toReplacements(base: ReconBase): PathReplacement[] {
  const project = `${PLACEHOLDER_HOME}/project`;
  const home = process.env['HOME'] ?? homedir();
  return [
    { from: base.env.projectDir, to: project },
    { from: base.env.configDir, to: `${PLACEHOLDER_HOME}/.claude` },
    { from: toProjectSlug(base.env.projectDir), to: toProjectSlug(project) },
    { from: base.env.rootDir, to: `${PLACEHOLDER_HOME}/.atm-recon` },
    { from: base.captureDir, to: `${PLACEHOLDER_HOME}/.atm-recon/captures` },
    { from: REPO_ROOT, to: `${PLACEHOLDER_HOME}/atm` },
    // Fake, but a key is a key: keep anything key-shaped out of the fixtures.
    { from: base.env.env['ANTHROPIC_API_KEY'] ?? '', to: REDACTED },
    ...(home.length > 1 ? [{ from: home, to: PLACEHOLDER_HOME }] : []),
  ];
}

async function record(
  scenario: Scenario,
  base: ReconBase,
  sessionsChanges: readonly SessionsFileChange[],
  outDir: string,
): Promise<void> {
  const files = toFixtureFiles({
    name: scenario.name,
    summary: scenario.summary,
    captures: await base.captures(),
    marks: base.marks,
    sessionsChanges,
    saved: base.saved,
    givenEnvNames: new Set(Object.keys(base.childEnv)),
    tidy: createTidier(toReplacements(base)),
  });
  const dir = join(outDir, scenario.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  console.log(`${scenario.name}: ${files.size} files in ${dir}`);
}

interface RunSettings {
  readonly claudePath: string;
  readonly outDir: string;
  readonly keepCaptures: boolean;
}

async function runScenario(scenario: Scenario, { claudePath, outDir, keepCaptures }: RunSettings): Promise<void> {
  if (scenario.mode === 'print') {
    const { script, prompt, asyncHooks = true } = scenario;
    await using recon = await runPrintRecon({ script, claudePath, prompt, asyncHooks, keepCaptures });
    await recon.sessions.stop();
    await record(scenario, recon, recon.sessions.changes, outDir);
    return;
  }
  const allow = scenario.allow ?? [];
  await using recon = await startInteractiveRecon({ script: scenario.script, claudePath, allow, keepCaptures });
  try {
    await scenario.run(recon);
  } finally {
    // Record even a failed run: the partial timeline is what shows where it went wrong.
    await recon.sessions.stop();
    await record(scenario, recon, recon.sessions.changes, outDir);
  }
}

async function main(names: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const binary = findClaudeBinary(env);
  if (!binary.found) {
    console.error(binary.reason);
    return 2;
  }
  const outDir = join(CLAUDE_FIXTURES_DIR, binary.version);
  const unknown = names.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const chosen = names.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
  let failures = 0;
  for (const scenario of chosen) {
    try {
      await runScenario(scenario, { claudePath: binary.path, outDir, keepCaptures: env['ATM_RECON_KEEP'] === '1' });
    } catch (error) {
      failures += 1;
      console.error(
        `${scenario.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2), process.env);
