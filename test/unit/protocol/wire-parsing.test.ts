import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeFirstIssue, isEnvelopeLike, parseJson, toRejected } from '../../../src/protocol/wire-parsing.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';

describe('toRejected: says which side to upgrade', () => {
  it.each<[client: string, advice: RegExp]>([
    ['0.9', /upgrade the client \(atm and its hooks: run `atm setup` again\)/],
    ['2.0', /upgrade atmd \(and restart it\)/],
  ])('a %s client', (client, advice) => {
    const message = toRejected(client);
    expect(message).toMatchObject({ type: 'rejected', protocolVersion: PROTOCOL_VERSION, clientVersion: client });
    expect(message.type === 'rejected' ? message.message : '').toMatch(advice);
  });
});

describe('parseJson, isEnvelopeLike, describeFirstIssue', () => {
  it.each<[text: string, ok: boolean]>([
    ['{"a":1}', true],
    ['[1,', false],
    ['', false],
  ])('parseJson(%j) ok = %s, never throws', (text, ok) => {
    expect(parseJson(text).ok).toBe(ok);
  });

  it.each<[value: unknown, envelope: boolean]>([
    [{ atm: '1.1', kind: 'hook' }, true],
    [{ type: 'hello' }, false],
    [null, false],
    ['atm', false],
  ])('isEnvelopeLike(%j) = %s', (value, envelope) => {
    expect(isEnvelopeLike(value)).toBe(envelope);
  });

  it('names the path of the first problem', () => {
    const result = z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } });
    expect(result.success ? '' : describeFirstIssue(result.error)).toMatch(/^a\.b: /);
  });
});
