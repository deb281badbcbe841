import { describe, expect, it } from 'vitest';
import { readTranscriptEnd, type TranscriptEnd } from '../../../../src/integrations/claude/transcript-tail.js';
import { captureText, SID } from './reconcile-helpers.js';

/** Transcript records shaped like Claude Code's (only the fields that matter, plus some noise). */
const TS = '2026-11-24T12:00:05.250Z';
const AT = Date.parse(TS);
const base = {
  parentUuid: 'p',
  isSidechain: false,
  userType: 'external',
  cwd: '/home/user/project',
  sessionId: SID,
  version: '2.1.331',
};
const line = (record: Record<string, unknown>): string =>
  JSON.stringify({ ...base, uuid: 'u', timestamp: TS, ...record });
const user = (content: unknown, extra: Record<string, unknown> = {}): string =>
  line({ type: 'user', message: { role: 'user', content }, ...extra });
const assistant = (text: string): string =>
  line({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'text', text }] } });
const toolUse = line({
  type: 'assistant',
  message: {
    role: 'assistant',
    content: [{ type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'sleep 60' } }],
  },
});
const rejected = user([
  {
    type: 'tool_result',
    tool_use_id: 'toolu_1',
    is_error: true,
    content:
      "The user doesn't want to proceed with this tool use. The tool use was rejected. STOP what you are doing and wait for the user to tell you how to proceed.",
  },
]);
const prompt = user('ATM_LONG_TOOL wait a while');
const esc = user([{ type: 'text', text: '[Request interrupted by user]' }]);
const escTool = user([{ type: 'text', text: '[Request interrupted by user for tool use]' }]);
/** The bookkeeping records 2.1.331 appends after each turn (copied from the esc-long-tool capture). */
const bookkeeping = [
  { type: 'last-prompt', lastPrompt: 'ATM_LONG_TOOL wait a while', leafUuid: 'l', sessionId: SID },
  { type: 'mode', mode: 'normal', sessionId: SID },
  { type: 'permission-mode', permissionMode: 'default', sessionId: SID },
  { type: 'atis-latch', atis: '', sessionId: SID },
]
  .map((record) => JSON.stringify(record))
  .join('\n');
/** 2.1.331 writes a large prompt snapshot between the tool result and the marker. */
const snapshot = line({
  type: 'attachment',
  attachment: { type: 'prompt_snapshot', systemPrompt: ['x'.repeat(20_000)] },
});
const jsonl = (...lines: string[]): string => `${lines.join('\n')}\n`;

const interrupted = (atMs: number | null): TranscriptEnd => ({ kind: 'interrupted', interrupt: { atMs } });
const CONTINUED: TranscriptEnd = { kind: 'continued' };
const UNKNOWN: TranscriptEnd = { kind: 'unknown' };

describe('readTranscriptEnd', () => {
  it('reads the real transcript after Esc during a long tool (2.1.331) as interrupted at the marker', () => {
    const tail = captureText('esc-long-tool', 'transcript-tail-after-esc.jsonl');
    const marker = tail
      .split('\n')
      .find((text) => text.includes('"text":"[Request interrupted by user for tool use]"'));
    const { timestamp } = JSON.parse(marker ?? 'null') as { timestamp: string };
    expect(readTranscriptEnd(tail, false)).toEqual(interrupted(Date.parse(timestamp)));
  });

  it('reads the same capture as not interrupted once anything of the conversation follows', () => {
    const tail = captureText('esc-long-tool', 'transcript-tail-after-esc.jsonl');
    expect(readTranscriptEnd(`${tail}${prompt}\n`, false)).toEqual(CONTINUED);
  });

  it.each<[rule: string, tail: string, fromStart: boolean, end: TranscriptEnd]>([
    [
      'Esc while the model streams: the marker is the last record',
      jsonl(prompt, assistant('Let me'), esc),
      true,
      interrupted(AT),
    ],
    ['the marker as a plain string', jsonl(prompt, user('[Request interrupted by user]')), true, interrupted(AT)],
    [
      'Esc during a tool: tool result, then the tool-use marker',
      jsonl(prompt, toolUse, rejected, snapshot, escTool),
      true,
      interrupted(AT),
    ],
    [
      'bookkeeping records after the marker do not count',
      jsonl(prompt, toolUse, rejected, escTool, bookkeeping),
      true,
      interrupted(AT),
    ],
    [
      'a tool result that is itself the marker',
      jsonl(
        toolUse,
        user([
          {
            type: 'tool_result',
            tool_use_id: 'toolu_1',
            content: [{ type: 'text', text: '[Request interrupted by user for tool use]' }],
          },
        ]),
      ),
      true,
      interrupted(AT),
    ],
    ['a reply after the marker: the session went on', jsonl(esc, assistant('Okay')), true, CONTINUED],
    ['a new prompt after the marker: a new turn', jsonl(esc, prompt), true, CONTINUED],
    [
      'marker and new text in one record is a new prompt',
      jsonl(
        user([
          { type: 'text', text: '[Request interrupted by user]' },
          { type: 'text', text: 'stop, keep the old name' },
        ]),
      ),
      true,
      CONTINUED,
    ],
    [
      'a marker with words after it is not a marker',
      jsonl(user('[Request interrupted by user] but go on')),
      true,
      CONTINUED,
    ],
    [
      'a user quoting the marker mid-sentence',
      jsonl(user('why do I see [Request interrupted by user]?')),
      true,
      CONTINUED,
    ],
    ['a normal turn ends with the reply', jsonl(prompt, toolUse, assistant('Done.'), bookkeeping), true, CONTINUED],
    ['a tool result last: the tool finished, the model goes on', jsonl(toolUse, rejected), true, CONTINUED],
    [
      'a subagent (sidechain) record after the marker is skipped',
      jsonl(esc, line({ type: 'assistant', isSidechain: true, message: { content: [] } })),
      true,
      interrupted(AT),
    ],
    [
      'a meta record after the marker is skipped',
      jsonl(esc, user('<local-command-caveat>x</local-command-caveat>', { isMeta: true })),
      true,
      interrupted(AT),
    ],
    [
      'a half-written last line is skipped',
      `${jsonl(prompt, escTool)}{"type":"assistant","mess`,
      true,
      interrupted(AT),
    ],
    [
      'the first line of a tail that starts mid-file is a fragment',
      `${escTool}\n${jsonl(bookkeeping)}`,
      false,
      UNKNOWN,
    ],
    [
      'a marker without a readable timestamp has no time',
      jsonl(user('[Request interrupted by user]', { timestamp: 'yesterday' })),
      true,
      interrupted(null),
    ],
    ['only bookkeeping: cannot tell', jsonl(bookkeeping), true, UNKNOWN],
    ['a tail holding only part of a huge record: cannot tell', snapshot.slice(-8_000), false, UNKNOWN],
    ['empty', '', true, UNKNOWN],
    ['garbage', 'not json\n\u0000\u0001\n{]\n', true, UNKNOWN],
  ])('%s', (_rule, tail, fromStart, end) => {
    expect(readTranscriptEnd(tail, fromStart)).toEqual(end);
  });
});
