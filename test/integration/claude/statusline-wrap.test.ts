import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/domain/session.js';
import { toStatusLineCommand } from '../../../src/integrations/claude/settings-atm-entries.js';
import { sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli } from '../../helpers/run-cli.js';
import { capturedPayload, STATUS_LINE } from './captured-payloads.js';
import { BASE_TOOLS, makeToolsDir, runShellForm, statusLineCommand } from './run-as-claude.js';
import { FANCY_STATUS_LINE } from './settings-samples.js';

/** Users' status lines that are easy to break: colours, quotes, non-ASCII, odd exits, raw stdin, env. */
const USER_LINES: readonly [name: string, command: string][] = [
  ['a multi-line script with quotes, ANSI colours and non-ASCII', FANCY_STATUS_LINE],
  ['`cat`, which shows its stdin as received', 'cat'],
  ['a line that fails after printing', "printf 'partial \\033[31mred\\033[0m'; exit 3"],
  ['a line that ignores stdin and shows its environment', `printf '%s|%s|%s\\n' "$MY_VAR" "$PWD" "$CLAUDE_PID"`],
  ['output without a final newline', "printf 'no newline'"],
  ['tabs, CR and several lines', "printf 'a\\tb\\r\\nc\\n\\n'"],
];

const TRANSPORTS = [
  { kind: 'nc', tools: ['nc'] },
  { kind: 'socat', tools: ['socat'] },
  { kind: 'node', tools: [] },
] as const;

describe.each(TRANSPORTS)("the user's own status line, wrapped by atm (transport $kind)", ({ kind, tools }) => {
  it('prints byte for byte what the line prints alone, exits 0, and still reports to atmd', async (ctx) => {
    await using daemon = await startDaemon();
    const bin = await makeToolsDir(daemon.dir, [...BASE_TOOLS, ...tools]);
    if (bin === null) return ctx.skip(`${[...BASE_TOOLS, ...tools].join(', ')} must be installed`);
    const env = { ...daemon.env, PATH: bin };
    const settingsPath = join(daemon.dir, 'home', '.claude', 'settings.json');
    mkdirSync(join(settingsPath, '..'), { recursive: true });
    writeFileSync(
      settingsPath,
      JSON.stringify({ statusLine: { type: 'command', command: FANCY_STATUS_LINE, padding: 0 } }),
    );
    expect((await runCli(['setup'], { env })).code).toBe(0);
    const shimPath = join(daemon.dir, 'home', '.local', 'share', 'atm', 'atm-report.sh');
    expect(statusLineCommand(settingsPath)).toBe(toStatusLineCommand(shimPath, FANCY_STATUS_LINE));

    const id = sessionId(`wrap-${kind}`);
    // Trailing newlines and non-ASCII in the payload: `cat` shows whether stdin arrives intact.
    const payload = Buffer.from(
      `${capturedPayload(STATUS_LINE, id).trimEnd()}\n\n`.replace('"default"', '"défault ✓"'),
    );
    const claudeEnv = { ...env, MY_VAR: 'it\'s "mine" ✓', CLAUDE_PID: String(process.pid) };

    const compareAll = async (): Promise<void> => {
      for (const [name, command] of USER_LINES) {
        const alone = await runShellForm(command, payload, claudeEnv);
        const wrapped = await runShellForm(toStatusLineCommand(shimPath, command), payload, claudeEnv);
        expect(wrapped.stdout.toString('hex'), name).toBe(alone.stdout.toString('hex'));
        expect(wrapped.code, name).toBe(0);
        expect(wrapped.stderr.toString(), name).toBe(alone.stderr.toString());
      }
    };
    await compareAll();
    expect((await runShellForm('cat', payload, claudeEnv)).stdout.equals(payload)).toBe(true);

    // The payload reached atmd too, in the background.
    await pollFor(
      async () => {
        const sessions = JSON.parse((await runCli(['list', '--json'], { env: daemon.env })).stdout) as Session[];
        return sessions.find((session) => session.id === id && session.model?.displayName === 'Opus 5.5');
      },
      { what: `session ${id} with its model from the status line` },
    );

    // With atmd gone, the user's line is still exactly the same.
    await daemon.stop();
    await compareAll();
  });
});
