import type { Capture } from './capture-reader.js';
import type { ProcessEntry } from './capture-parse.js';
import { redactEnv } from './fixture-tidy.js';
import type { Mark } from './recon-session.js';
import type { SessionsFileChange } from './sessions-watcher.js';
import { assertNever } from '../../../../src/shared/assert-never.js';

/**
 * Turns one scenario's raw recordings into fixture files (name -> content). Pure: the caller
 * supplies the tidier and writes the map. Payload files keep Claude Code's bytes (after path
 * tidying); everything derived (timeline, env, process tree) goes to timeline.json/context.json.
 */
export interface ScenarioRecording {
  readonly name: string;
  readonly summary: string;
  readonly captures: readonly Capture[];
  readonly marks: readonly Mark[];
  readonly sessionsChanges: readonly SessionsFileChange[];
  readonly saved: ReadonlyMap<string, string>;
  /** Names in the environment we gave claude; anything else in a hook's env came from Claude Code or tmux. */
  readonly givenEnvNames: ReadonlySet<string>;
  readonly tidy: (text: string) => string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const slugOf = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

function toChangeLabel(change: SessionsFileChange): string {
  switch (change.state) {
    case 'absent':
      return 'absent';
    case 'torn':
      return 'torn read';
    case 'present':
      return `${change.status ?? 'no status'}${change.waitingFor === undefined ? '' : ` (${change.waitingFor})`}`;
    default:
      return assertNever(change.state, 'sessions file state');
  }
}

interface TimelineEntry {
  readonly tMs: number;
  readonly what: string;
  readonly file?: string;
}

/** Ancestry up to claude's parent; anything above that is the machine, not Claude Code. */
function trimAncestry(ancestry: readonly ProcessEntry[], tidy: (text: string) => string): ProcessEntry[] {
  const claudeIndex = ancestry.findIndex((entry) => entry.comm === 'claude');
  const kept = claudeIndex < 0 ? ancestry : ancestry.slice(0, claudeIndex + 2);
  return kept.map((entry, index) => {
    const isHarnessParent = index === claudeIndex + 1 && !entry.comm.startsWith('tmux');
    return { ...entry, args: isHarnessParent ? '<recon harness>' : tidy(entry.args) };
  });
}

function toContext(recording: ScenarioRecording): Record<string, unknown> {
  const describe = (capture: Capture | undefined): Record<string, unknown> | undefined => {
    if (capture === undefined) return undefined;
    const env = redactEnv(capture.env);
    return {
      label: capture.label,
      pid: capture.pid,
      ppid: capture.ppid,
      ancestry: trimAncestry(capture.ancestry, recording.tidy),
      env: JSON.parse(recording.tidy(JSON.stringify(env))) as unknown,
      envNamesNotGivenByHarness: capture.envNames.filter((name) => !recording.givenEnvNames.has(name)),
    };
  };
  // Per event: which variables Claude Code (or tmux) added; they differ (CLAUDE_ENV_FILE is
  // SessionStart-only, CLAUDE_EFFORT appears once a turn has started, ...).
  const envNamesByLabel: Record<string, string[]> = {};
  for (const capture of recording.captures) {
    envNamesByLabel[capture.label] ??= capture.envNames.filter((name) => !recording.givenEnvNames.has(name));
  }
  return {
    scenario: recording.name,
    summary: recording.summary,
    firstHook: describe(recording.captures.find((c) => c.label !== 'statusline')),
    firstStatusLine: describe(recording.captures.find((c) => c.label === 'statusline')),
    envNamesNotGivenByHarnessByEvent: envNamesByLabel,
  };
}

export function toFixtureFiles(recording: ScenarioRecording): Map<string, string> {
  const files = new Map<string, string>();
  const timeline: TimelineEntry[] = recording.marks.map((mark) => ({ tMs: mark.atMs, what: `harness: ${mark.label}` }));
  let hooks = 0;
  let statusLines = 0;
  for (const capture of recording.captures) {
    const isStatusLine = capture.label === 'statusline';
    const file = isStatusLine ? `statusline-${pad(++statusLines)}.json` : `${pad(++hooks)}-${capture.label}.json`;
    files.set(file, recording.tidy(capture.stdinText));
    timeline.push({ tMs: capture.atMs, what: isStatusLine ? 'statusLine' : `hook: ${capture.label}`, file });
  }
  recording.sessionsChanges.forEach((change, index) => {
    const label = toChangeLabel(change);
    const file = change.text === undefined ? undefined : `sessions-file-${pad(index + 1)}-${slugOf(label)}.json`;
    if (file !== undefined && change.text !== undefined) files.set(file, recording.tidy(change.text));
    timeline.push({ tMs: change.atMs, what: `sessions file: ${label}`, ...(file === undefined ? {} : { file }) });
  });
  for (const [name, text] of recording.saved) files.set(name, recording.tidy(text));
  const startMs = Math.min(...timeline.map((entry) => entry.tMs));
  const relative = timeline.map((entry) => ({ ...entry, tMs: entry.tMs - startMs })).sort((a, b) => a.tMs - b.tMs);
  files.set('timeline.json', `${JSON.stringify(relative, null, 2)}\n`);
  files.set('context.json', `${JSON.stringify(toContext(recording), null, 2)}\n`);
  return files;
}
