import { describe, expect, it } from 'vitest';
import {
  parseSessionsFile,
  toConfigDirFromTranscript,
  toSessionsFilePane,
  toSessionsFilePath,
} from '../../../../src/integrations/claude/sessions-file.js';
import { captureText, capturedSessionsFiles } from './reconcile-helpers.js';

describe('parseSessionsFile', () => {
  const captures = capturedSessionsFiles();

  it('finds captures to read', () => {
    expect(captures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(captures)('reads %s/%s as Claude Code 2.1.331 wrote it', (scenario, name) => {
    const text = captureText(scenario, name);
    const file = parseSessionsFile(text);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(file).not.toBeNull();
    for (const key of [
      'pid',
      'sessionId',
      'procStart',
      'status',
      'waitingFor',
      'statusUpdatedAt',
      'updatedAt',
      'tmux',
    ] as const) {
      expect(file?.[key]).toEqual(raw[key]);
    }
    // Right after start-up 2.1.331 writes the file once without a status ("no status" captures).
    expect(name.includes('no-status') ? [undefined] : ['idle', 'busy', 'waiting']).toContain(file?.status);
    // Unknown keys are kept, as with every Claude payload.
    expect(file).toHaveProperty('peerProtocol', raw.peerProtocol);
  });

  it('keeps the waiting reason text', () => {
    const [, name] =
      captures.find(([scenario, file]) => scenario === 'bash-permission' && file.includes('waiting')) ?? [];
    const file = parseSessionsFile(captureText('bash-permission', name ?? 'missing'));
    expect(file).toMatchObject({ status: 'waiting', waitingFor: 'permission prompt' });
  });

  it('refuses a torn read (2.1.331 rewrites the file in place; a capture caught it half written)', () => {
    expect(parseSessionsFile(captureText('.', 'sessions-file-torn-read.json'))).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['half written', '{"pid":10671,"sessionId":"c19'],
    ['null', 'null'],
    ['an array', '[{"status":"idle"}]'],
    ['a string', '"idle"'],
    ['binary', '\u0000\u0001\u0002'],
  ])('refuses %s', (_what, text) => {
    expect(parseSessionsFile(text)).toBeNull();
  });

  it('drops fields of the wrong type instead of refusing the file', () => {
    const file = parseSessionsFile(
      '{"pid":"10671","status":5,"statusUpdatedAt":"soon","updatedAt":1795521734818,"tmux":7}',
    );
    expect(file).toMatchObject({
      pid: undefined,
      status: undefined,
      statusUpdatedAt: undefined,
      updatedAt: 1795521734818,
      tmux: undefined,
    });
  });
});

describe('toSessionsFilePane', () => {
  it.each([
    ['s1:@0.%0', '%0'],
    ['work:@12.%345', '%345'],
    ['my session:@3.%7', '%7'],
    ['s1:@0.%x', null],
    ['%0', null],
    ['s1:@0.%0;kill-server', null],
    ['s1:@0.%0 ', null],
    ['s1:@0.%1234567890', null],
    ['', null],
    [undefined, null],
  ])('%j gives %j', (tmux, pane) => {
    expect(toSessionsFilePane(tmux)).toBe(pane);
  });
});

describe('toConfigDirFromTranscript', () => {
  it.each([
    ['/home/user/.claude/projects/-home-user-project/c19976b9.jsonl', '/home/user/.claude'],
    ['/srv/claude-b/projects/-srv-app/x.jsonl', '/srv/claude-b'],
    ['/home/user/.claude/projects/x.jsonl', null],
    ['/home/user/.claude/elsewhere/-p/x.jsonl', null],
    ['/home/user/.claude/projects/-p/x.json', null],
    ['relative/.claude/projects/-p/x.jsonl', null],
    ['/projects/-p/x.jsonl', null],
    ['/home/../etc/projects/-p/x.jsonl', null],
    [null, null],
  ])('%j gives %j', (path, dir) => {
    expect(toConfigDirFromTranscript(path)).toBe(dir);
  });

  it('and the sessions file sits beside projects/', () => {
    expect(toSessionsFilePath('/home/user/.claude/', 10671)).toBe('/home/user/.claude/sessions/10671.json');
  });
});
