import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWinstonLogger } from '../../../src/platform/winston-logger.js';
import { pollUntil } from '../../helpers/poll.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** The log file names the rotator may pick now (local date; yesterday and tomorrow for midnight). */
function logFileNames(): string[] {
  const day = (offset: number): string => {
    const date = new Date(Date.now() + offset * 86_400_000);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `atmd-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.log`;
  };
  return [day(-1), day(0), day(1)];
}

/**
 * Issue 10, defect 5: a full disk, twice, must not kill the daemon. /dev/full is a real device
 * that fails every write with ENOSPC, so the log file is made a link to it; removing the links
 * is the disk freeing up again.
 */
describe('the winston logger on a full disk', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'survives every write error, says so once per outage, and resumes with a count of what was lost',
    async () => {
      await using dir = makeTempDir();
      const logDir = join(dir.path, 'log');
      mkdirSync(logDir, { mode: 0o700 });
      const fill = (): void => {
        for (const name of logFileNames()) symlinkSync('/dev/full', join(logDir, name));
      };
      const free = (): void => {
        for (const name of logFileNames()) rmSync(join(logDir, name), { force: true });
      };
      fill();
      const problems: string[] = [];
      const logger = createWinstonLogger({
        logDir,
        level: 'info',
        reopenAfterMs: 50,
        reportProblem: (line) => problems.push(line),
      });
      // Outage one: the disk stays full across a reopen, so it fails a second and third time.
      await pollUntil(() => {
        logger.info('while full');
        return problems.length >= 1;
      });
      expect(problems[0]).toMatch(new RegExp(`^atmd: cannot write the log in ${logDir}: .*ENOSPC.*; trying again`));
      await pollUntil(() => {
        logger.info('still full');
        return problems.length >= 3;
      });
      free();
      await pollUntil(() => {
        logger.info('after');
        const file = logFileNames().find((name) => existsSync(join(logDir, name)));
        return file !== undefined && readFileSync(join(logDir, file), 'utf8').includes('"after"');
      });
      await logger.close();
      const [file] = readdirSync(logDir).filter((name) => name.endsWith('.log'));
      const lines = readFileSync(join(logDir, file ?? ''), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ level: 'warn', message: 'the log could not be written for a while' });
      expect(lines[0]?.lost).toBeGreaterThan(0);
      expect(lines[0]?.error).toMatch(/ENOSPC/);
      expect(lines.slice(1).every((line) => line.message === 'after')).toBe(true);
    },
  );
});
