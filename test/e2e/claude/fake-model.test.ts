import { describe, expect, it } from 'vitest';
import { chooseReply, messagesRequestSchema, toTurnView, type FakeScript } from './fake-model-script.js';
import { startFakeModel } from './fake-model.js';
import { pollUntil } from './poll.js';

/** The fake Messages API: turn detection on real request shapes, and the wire it speaks. */

const reminder = { type: 'text', text: '<system-reminder>\nAttribution ...\n</system-reminder>\n' };
const toolUse = { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: {} }] };
const toolResult = { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] };
const TOOLS = [{ name: 'Bash' }];

describe('toTurnView', () => {
  it.each([
    {
      name: 'first prompt after an injected reminder',
      messages: [{ role: 'user', content: [reminder, { type: 'text', text: 'RUN it' }] }],
      expected: { humanText: 'RUN it', toolResultsSince: 0 },
    },
    {
      name: 'one tool round later (system-role entries skipped)',
      messages: [
        { role: 'user', content: 'RUN it' },
        { role: 'system', content: [{ type: 'text', text: 'env' }] },
        toolUse,
        toolResult,
      ],
      expected: { humanText: 'RUN it', toolResultsSince: 1 },
    },
    {
      // Seen with 2.1.331: after Esc, the cancelled result, the marker and the next prompt are one message.
      name: 'prompt merged with an interrupted tool_result',
      messages: [
        { role: 'user', content: 'LONG one' },
        toolUse,
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: 'rejected', is_error: true },
            { type: 'text', text: '[Request interrupted by user for tool use]\n' },
            { type: 'text', text: 'ASK next' },
          ],
        },
      ],
      expected: { humanText: 'ASK next', toolResultsSince: 0 },
    },
    { name: 'no human text at all', messages: [toolResult], expected: { humanText: '', toolResultsSince: 1 } },
  ])('$name', ({ messages, expected }) => {
    const request = messagesRequestSchema.parse({ messages, tools: TOOLS });
    expect(toTurnView(request)).toEqual({ ...expected, hasTools: true });
  });
});

describe('chooseReply', () => {
  const script: FakeScript = {
    rules: [{ match: 'RUN', steps: [{ kind: 'tool_use', name: 'Bash', input: { command: 'ls' } }], finalText: 'fin' }],
    sideReply: { kind: 'text', text: 'title' },
  };
  it.each([
    { turn: { humanText: 'RUN', toolResultsSince: 0, hasTools: true }, expected: 'tool_use' },
    { turn: { humanText: 'RUN', toolResultsSince: 1, hasTools: true }, expected: 'fin' },
    { turn: { humanText: 'other', toolResultsSince: 0, hasTools: true }, expected: 'OK.' },
    { turn: { humanText: 'RUN', toolResultsSince: 0, hasTools: false }, expected: 'title' },
  ])('$turn.humanText / $turn.toolResultsSince / tools $turn.hasTools -> $expected', ({ turn, expected }) => {
    const reply = chooseReply(script, turn);
    expect(reply.kind === 'text' ? reply.text : reply.kind).toBe(expected);
  });
});

function parseSse(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const event = /^event: (.*)$/m.exec(chunk)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(chunk)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

const post = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('startFakeModel', () => {
  const script: FakeScript = {
    rules: [
      { match: 'TOOL', steps: [{ kind: 'tool_use', name: 'Bash', input: { command: 'echo hi' }, text: 'Running.' }] },
      { match: 'FAIL', steps: [{ kind: 'error', status: 400, errorType: 'invalid_request_error', message: 'no' }] },
      { match: 'SLOW', steps: [{ kind: 'text', text: 'late', delayMs: 300 }] },
    ],
  };

  it('streams a tool_use reply as the Messages API does', async () => {
    await using model = await startFakeModel(script);
    const response = await post(`${model.url}/v1/messages?beta=true`, {
      model: 'claude-x',
      stream: true,
      tools: TOOLS,
      messages: [{ role: 'user', content: 'TOOL please' }],
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = parseSse(await response.text());
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]?.data['message']).toMatchObject({ model: 'claude-x', usage: { input_tokens: 1200 } });
    expect(events[4]?.data['content_block']).toMatchObject({ type: 'tool_use', name: 'Bash', input: {} });
    expect(events[5]?.data['delta']).toEqual({ type: 'input_json_delta', partial_json: '{"command":"echo hi"}' });
    expect(events[7]?.data['delta']).toMatchObject({ stop_reason: 'tool_use' });
    expect(model.requests[0]?.turn).toEqual({ humanText: 'TOOL please', toolResultsSince: 0, hasTools: true });
  });

  it('answers without streaming, errors, token counts, GETs and unknown routes', async () => {
    await using model = await startFakeModel(script);
    const plain = await post(`${model.url}/v1/messages`, { tools: TOOLS, messages: [{ role: 'user', content: 'hi' }] });
    expect(await plain.json()).toMatchObject({
      type: 'message',
      content: [{ type: 'text', text: 'OK.' }],
      stop_reason: 'end_turn',
    });
    const failed = await post(`${model.url}/v1/messages`, {
      tools: TOOLS,
      messages: [{ role: 'user', content: 'FAIL' }],
    });
    expect(failed.status).toBe(400);
    expect(await failed.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'no' } });
    const counted = await post(`${model.url}/v1/messages/count_tokens?beta=true`, { messages: [] });
    expect(await counted.json()).toEqual({ input_tokens: 1200 });
    expect((await fetch(`${model.url}/api/hello`)).status).toBe(200);
    expect((await post(`${model.url}/v1/nope`, {})).status).toBe(404);
    const garbage = await fetch(`${model.url}/v1/messages`, { method: 'POST', body: 'not json' });
    expect(garbage.status).toBe(200);
  });

  it('survives a client that hangs up before its reply is written', async () => {
    await using model = await startFakeModel(script);
    const aborted = new AbortController();
    const body = JSON.stringify({ stream: true, tools: TOOLS, messages: [{ role: 'user', content: 'SLOW' }] });
    const early = fetch(`${model.url}/v1/messages`, { method: 'POST', body, signal: aborted.signal });
    await pollUntil(() => (model.requests.length === 1 ? true : undefined), { timeoutMs: 2_000, what: 'request seen' });
    aborted.abort();
    await expect(early).rejects.toThrow();
    // This one is answered after the aborted reply's delay has run out and its write was skipped.
    const late = await post(`${model.url}/v1/messages`, {
      tools: TOOLS,
      messages: [{ role: 'user', content: 'SLOW' }],
    });
    expect(await late.json()).toMatchObject({ content: [{ type: 'text', text: 'late' }] });
  });
});
