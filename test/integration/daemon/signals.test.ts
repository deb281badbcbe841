import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { sendOneShot } from '../../helpers/one-shot-client.js';
import { connectWire } from '../../helpers/wire-client.js';

describe('stopping atmd', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: exit 0, clients told by EOF, socket removed, log flushed',
    async (signal) => {
      await using daemon = await startDaemon();
      await sendOneShot(daemon.socketPath, {}, hook(sessionId('sig'), 'UserPromptSubmit'));
      await using subscriber = await connectWire(daemon.socketPath);
      await subscriber.hello('tui');
      subscriber.send({ type: 'subscribe', id: 1 });
      expect(await subscriber.next()).toMatchObject({ type: 'snapshot', id: 1 });

      expect(await daemon.stop(signal)).toBe(0);
      await subscriber.closed();
      expect(existsSync(daemon.socketPath)).toBe(false);
      // The last line is written before exit: nothing is lost in a buffer.
      const log = readDaemonLog(daemon.stateDir);
      expect(log.at(-2)).toMatchObject({ level: 'info', message: 'atmd stopping', signal });
      expect(log.at(-1)).toMatchObject({ level: 'info', message: 'atmd stopped', sessions: 1 });
      expect(daemon.stderr()).toBe('');
    },
  );
});
