import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderShim } from '../../../src/integrations/claude/shim/shim-script.js';
import { writeShim } from '../../../src/cli/claude-shim-file.js';
import { findExecutable } from '../../../src/integrations/claude/shim/detect-transport.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { spawnAgent } from '../../helpers/agent-process.js';
import { hook, sessionId } from '../../helpers/claude-payloads.js';
import { startDaemon } from '../../helpers/daemon-harness.js';
import { readDaemonLog } from '../../helpers/daemon-log.js';
import { listSessions } from '../../helpers/daemon-probes.js';
import { pollFor } from '../../helpers/poll.js';
import { runRaw } from './run-as-claude.js';

/**
 * The real shim against a real atmd that holds every copy unanswered: atmd is stopped (SIGSTOP)
 * while the shim runs, as a daemon busy past nc's 2 s or frozen mid-restart is, so the kernel
 * queues all three tries and the shim gives up on each. Resumed, atmd reads all three: the first
 * is applied, the two copies are recognised by their id and applied no second time. The report
 * is a SubagentStart without agent_id, a plain counter: before ids, it ended at 3.
 */
const transports = await Promise.all(
  (['nc', 'socat'] as const).map(async (kind) => ({ kind, path: await findExecutable(kind, process.env.PATH) })),
);
const DUPLICATE = 'a report sent again was not applied twice';

describe.each(transports)('the shim with $kind, against a real atmd that answers late', ({ kind, path }) => {
  it.skipIf(path === null)(
    'three copies queued while atmd is stopped: counted once',
    async () => {
      await using agent = spawnAgent();
      await using daemon = await startDaemon();
      const shim = join(daemon.dir, 'atm-report.sh');
      await writeShim(
        shim,
        renderShim({
          transport: { kind, path: path ?? '' },
          nodePath: process.execPath,
          atmMain: '/nonexistent',
          fallbackSocket: daemon.socketPath,
          atmVersion: 'test',
          protocolVersion: PROTOCOL_VERSION,
        }),
      );
      const sid = sessionId('late');
      daemon.process.kill('SIGSTOP');
      let result;
      try {
        result = await runRaw(shim, ['hook'], {
          env: { PATH: process.env.PATH, ATM_SOCKET: daemon.socketPath, ATM_AGENT_PID: String(agent.pid) },
          stdin: JSON.stringify(hook(sid, 'SubagentStart')),
          timeoutMs: 60_000,
        });
      } finally {
        daemon.process.kill('SIGCONT');
      }
      expect([result.code, result.stdout.toString(), result.stderr.toString()]).toEqual([0, '', '']);
      const copies = await pollFor(
        () => {
          const found = readDaemonLog(daemon.stateDir).filter((record) => record.message === DUPLICATE);
          return found.length >= 2 ? found : undefined;
        },
        { what: 'atmd to take both copies as copies', timeoutMs: 30_000 },
      );
      expect(new Set(copies.map((record) => record.reportId)).size).toBe(1);
      expect((await listSessions(daemon.socketPath)).map((s) => [s.id, s.subagents])).toEqual([[sid, 1]]);
    },
    90_000,
  );
});
