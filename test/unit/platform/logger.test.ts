import { describe, expect, it } from 'vitest';
import { createMemoryLogger, createNullLogger } from '../../../src/platform/logger.js';

describe('createMemoryLogger', () => {
  it('keeps every level with its fields, oldest first', () => {
    const logger = createMemoryLogger();
    logger.error('e', { code: 1 });
    logger.warn('w');
    logger.info('i');
    logger.debug('d');
    expect(logger.entries).toEqual([
      { level: 'error', message: 'e', fields: { code: 1 } },
      { level: 'warn', message: 'w', fields: {} },
      { level: 'info', message: 'i', fields: {} },
      { level: 'debug', message: 'd', fields: {} },
    ]);
    expect(logger.messages('warn')).toEqual(['w']);
  });

  it('adds a child’s fields to its entries, the entry’s own fields winning, in the shared list', () => {
    const logger = createMemoryLogger();
    const child = logger.child({ session: 's1', role: 'a' }).child({ role: 'b' });
    child.info('hello', { extra: true });
    expect(logger.entries).toEqual([
      { level: 'info', message: 'hello', fields: { session: 's1', role: 'b', extra: true } },
    ]);
  });

  it('drops entries after close, including a child’s', async () => {
    const logger = createMemoryLogger();
    const child = logger.child({ a: 1 });
    expect(logger.closed).toBe(false);
    await child.close();
    expect(logger.closed).toBe(true);
    logger.error('late');
    child.error('late');
    expect(logger.entries).toEqual([]);
  });
});

describe('createNullLogger', () => {
  it('accepts everything and closes', async () => {
    const logger = createNullLogger();
    logger.child({ a: 1 }).error('x', { b: 2 });
    await expect(logger.close()).resolves.toBeUndefined();
  });
});
