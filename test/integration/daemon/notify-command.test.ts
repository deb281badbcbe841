import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNotifyCommand } from '../../../src/daemon/notify-command.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { RecordingLogger } from '../../unit/daemon/notifier-fakes.js';

/** notifications.command with real programs: argv without a shell, the ATM_* environment, the timeout. */
const session = makeFakeSession({
  id: 'sess-1',
  project: 'api; rm -rf /',
  status: 'waiting',
  waitingFor: 'permission',
  pane: '%7',
});
const previous = makeFakeSession({ id: 'sess-1', status: 'working' });

describe('notifications.command', () => {
  it('runs the argv as is, with the session in ATM_* variables', async () => {
    await using dir = makeTempDir();
    const out = join(dir.path, 'env.txt');
    const script = join(dir.path, 'record.sh');
    writeFileSync(script, `#!/bin/sh\nenv | grep '^ATM_' | sort > "$1"\nprintf '%s\\n' "$2" >> "$1"\n`, {
      mode: 0o700,
    });
    const logger = new RecordingLogger();
    const run = createNotifyCommand({
      argv: [script, out, '$(touch pwned) *'],
      timeoutMs: 5_000,
      env: { PATH: process.env.PATH },
      logger,
    });
    await run(session, previous);
    expect(readFileSync(out, 'utf8').split('\n')).toEqual([
      'ATM_PANE=%7',
      'ATM_PREVIOUS_STATUS=working',
      'ATM_PROJECT=api; rm -rf /',
      'ATM_SESSION_ID=sess-1',
      'ATM_STATUS=waiting',
      'ATM_WAITING_FOR=permission',
      '$(touch pwned) *',
      '',
    ]);
    expect(logger.lines).toEqual([]);
  });

  it.each([
    [
      'a command that hangs is killed at its timeout',
      ['sleep', '30'],
      'notifications.command timed out and was killed',
    ],
    ['a failing command is one warning', ['sh', '-c', 'exit 3'], 'notifications.command failed'],
    ['a missing program is one warning', ['/nonexistent/atm-notify'], 'notifications.command not found'],
  ])('%s', async (_name, argv, message) => {
    const logger = new RecordingLogger();
    await createNotifyCommand({ argv, timeoutMs: 300, env: { PATH: process.env.PATH }, logger })(session, previous);
    expect(logger.lines).toEqual([{ level: 'warn', message }]);
  });
});
