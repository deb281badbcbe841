import { describe, expect, it } from 'vitest';
import { spawnAgent } from '../../helpers/agent-process.js';
import { sessionId } from '../../helpers/claude-payloads.js';
import { pollFor, pollUntil } from '../../helpers/poll.js';
import { startUserManager, userManagerSkipReason } from '../../helpers/systemd-user-manager.js';
import { makeServiceRig, unitProperty, type ServiceRig } from './service-rig.js';

const skip = userManagerSkipReason();
if (skip !== null) console.warn(`skipping the no-loss test against systemd: ${skip}`);

const WRITERS = 10;
const REPORTS_EACH = 40;
const TOTAL = WRITERS * REPORTS_EACH;

/**
 * "Lost" means: a hook report the shim was handed (exit 0, nothing printed) whose effect never
 * shows. Every report here is a UserPromptSubmit for a session id of its own, so each one sent
 * must appear as a session in `atm list --json` once the writers are done, and nothing else may.
 */
async function writeAll(rig: ServiceRig, sent: string[], failures: string[]): Promise<void> {
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let k = 0; k < REPORTS_EACH; k += 1) {
        const id = sessionId(`w${writer}-${k}`);
        const result = await rig.sendHook(id);
        const out = `${result.stdout.toString()}${result.stderr.toString()}`;
        if (result.code !== 0 || out !== '') failures.push(`${id}: exit ${result.code} ${out}`);
        sent.push(id);
      }
    }),
  );
}

describe.skipIf(skip !== null)('no report lost while atmd restarts or crashes under systemd', () => {
  it.each([
    ['systemctl --user restart atm.service', 'restart'],
    ['kill -9 of the main pid', 'kill'],
  ] as const)(
    '%s while 10 writers send through the installed shim',
    async (_, how) => {
      await using manager = await startUserManager();
      await using agent = spawnAgent();
      const rig = await makeServiceRig(manager, { agentPid: agent.pid, config: { daemon: { maxSessions: 1_000 } } });
      expect((await rig.atm('service', 'install')).code).toBe(0);
      const warm = sessionId('warm');
      expect((await rig.sendHook(warm)).code).toBe(0);
      const firstPid = Number(await unitProperty(manager, 'atm.service', 'MainPID'));
      manager.track(firstPid);

      const sent: string[] = [];
      const failures: string[] = [];
      const writing = writeAll(rig, sent, failures);
      // Strike in the middle of the stream, when every writer is busy.
      await pollUntil(() => sent.length >= TOTAL / 3, { timeoutMs: 120_000, what: 'a third of the reports' });
      if (how === 'restart') expect((await manager.systemctl('restart', 'atm.service')).code).toBe(0);
      else process.kill(firstPid, 'SIGKILL');
      await writing;

      const secondPid = await pollFor(
        async () => {
          const pid = Number(await unitProperty(manager, 'atm.service', 'MainPID'));
          return pid > 0 && pid !== firstPid ? pid : undefined;
        },
        { timeoutMs: 60_000, what: 'a new atmd under systemd' },
      );
      manager.track(secondPid);
      const seen = new Set(await rig.listIds());
      const lost = sent.filter((id) => !seen.has(id));
      console.log(`${how}: sent ${sent.length}, seen ${sent.length - lost.length}, lost ${lost.length}`);
      expect(failures).toEqual([]);
      expect(sent).toHaveLength(TOTAL);
      expect(lost).toEqual([]);
      expect(seen.size).toBe(TOTAL + 1); // and nothing else: the warm-up session plus each one sent
    },
    240_000,
  );
});
