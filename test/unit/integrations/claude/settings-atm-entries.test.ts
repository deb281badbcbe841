import { describe, expect, it } from 'vitest';
import {
  isAtmHookHandler,
  parseAtmStatusLine,
  toAtmHookHandler,
  toShellWord,
  toStatusLineCommand,
} from '../../../../src/integrations/claude/settings-atm-entries.js';
import { FANCY_STATUS_LINE } from '../../../integration/claude/settings-samples.js';

const SHIM = '/home/alex/.local/share/atm/atm-report.sh';

describe('atm hook handlers', () => {
  it('are recognised by the shim they run, wherever it lives', () => {
    expect(isAtmHookHandler(toAtmHookHandler(SHIM))).toBe(true);
    expect(isAtmHookHandler({ type: 'command', command: '/elsewhere/atm-report.sh' })).toBe(true);
  });

  it.each<[name: string, handler: unknown]>([
    ['another command', { type: 'command', command: '/usr/bin/guard.sh', args: ['hook'] }],
    ['a name that only ends the same way', { type: 'command', command: '/bin/not-atm-report.sh' }],
    ['a prompt hook', { type: 'prompt', prompt: 'atm-report.sh' }],
    ['a string', 'atm-report.sh'],
    ['null', null],
  ])('do not include %s', (_name, handler) => {
    expect(isAtmHookHandler(handler)).toBe(false);
  });
});

describe('the status line command', () => {
  it("is the shim's status mode when the user has no line", () => {
    expect(toStatusLineCommand(SHIM, null)).toBe(`'${SHIM}' status`);
    expect(parseAtmStatusLine(`'${SHIM}' status`)).toEqual({ kind: 'own', shimPath: SHIM });
  });

  it.each([
    FANCY_STATUS_LINE,
    '~/.claude/statusline.sh',
    'bash -c \'echo "$(pwd)"\' # a comment',
    'echo one\necho two\n',
    "cat <<'EOF'\nhello\nEOF",
    "'/opt/atm/atm-report.sh' status",
    ' ',
  ])('wraps the user line %j so that it parses back to exactly the same text', (userCommand) => {
    const command = toStatusLineCommand(SHIM, userCommand);
    expect(command.startsWith(`'${SHIM}' status-tee | {\n`)).toBe(true);
    expect(parseAtmStatusLine(command)).toEqual({ kind: 'wrapped', shimPath: SHIM, userCommand });
  });

  it('quotes a shim path with a quote or spaces in it', () => {
    const odd = "/home/o'neil/my data/atm/atm-report.sh";
    expect(toShellWord(odd)).toBe(`'/home/o'\\''neil/my data/atm/atm-report.sh'`);
    expect(parseAtmStatusLine(toStatusLineCommand(odd, 'echo hi'))).toEqual({
      kind: 'wrapped',
      shimPath: odd,
      userCommand: 'echo hi',
    });
  });

  it.each([
    'echo hi',
    "'/usr/bin/other.sh' status",
    "'/home/a/atm/atm-report.sh' status --verbose",
    "'/home/a/atm/atm-report.sh' status-tee | {\necho hi\n}",
    '/home/a/atm/atm-report.sh status',
  ])('does not take %j for one of its own', (command) => {
    expect(parseAtmStatusLine(command)).toBeNull();
  });
});
