import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWinstonLogger } from '../../../src/platform/winston-logger.js';
import { AtmError } from '../../../src/shared/errors.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'atm-log-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The JSON lines of the one daily log file in `logDir`. */
async function readLog(logDir: string): Promise<Record<string, unknown>[]> {
  const files = (await readdir(logDir)).filter((name) => /^atmd-\d{4}-\d{2}-\d{2}\.log$/.test(name));
  expect(files).toHaveLength(1);
  const text = await readFile(join(logDir, files[0] ?? ''), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createWinstonLogger', () => {
  it('writes JSON lines that are on disk once close() resolves', async () => {
    const logDir = join(root, 'state', 'atm', 'log');
    const logger = createWinstonLogger({ logDir, level: 'info' });
    for (let i = 0; i < 500; i += 1) logger.info('event', { i });
    logger.child({ session: 's1' }).warn('slow', { ms: 12 });
    await logger.close();
    const lines = await readLog(logDir);
    expect(lines).toHaveLength(501);
    expect(lines[0]).toMatchObject({ level: 'info', message: 'event', i: 0 });
    expect(lines[500]).toMatchObject({ level: 'warn', message: 'slow', session: 's1', ms: 12 });
    expect(typeof lines[0]?.timestamp).toBe('string');
  });

  it('creates the log dir 0700, the log file 0600 and the audit file at its explicit path', async () => {
    const logDir = join(root, 'log');
    const logger = createWinstonLogger({ logDir, level: 'info' });
    logger.info('x');
    await logger.close();
    expect((await stat(logDir)).mode & 0o777).toBe(0o700);
    const [file] = (await readdir(logDir)).filter((name) => name.endsWith('.log'));
    expect((await stat(join(logDir, file ?? ''))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(logDir, '.atmd-audit.json'), 'utf8'))).toHaveProperty('files');
  });

  it('filters by level', async () => {
    const logger = createWinstonLogger({ logDir: root, level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    await logger.close();
    expect((await readLog(root)).map((line) => line.message)).toEqual(['w', 'e']);
  });

  it('expands Errors and keeps fields named like its own keys', async () => {
    const logger = createWinstonLogger({ logDir: root, level: 'debug' });
    logger.error('boom', { error: new AtmError('io-failed', 'disk full'), message: 'mine', level: 'x' });
    await logger.close();
    const [line] = await readLog(root);
    expect(line).toMatchObject({ level: 'error', message: 'boom', 'field.message': 'mine', 'field.level': 'x' });
    expect(line?.error).toMatchObject({ name: 'AtmError', message: 'disk full', code: 'io-failed' });
  });

  it('drops entries after close and closes only once', async () => {
    const logger = createWinstonLogger({ logDir: root, level: 'info' });
    logger.info('before');
    await Promise.all([logger.close(), logger.close()]);
    logger.info('after');
    await logger.close();
    expect((await readLog(root)).map((line) => line.message)).toEqual(['before']);
  });

  it('refuses a relative log dir', () => {
    expect(() => createWinstonLogger({ logDir: 'log', level: 'info' })).toThrow(AtmError);
  });
});
