import { describe, expect, it } from 'vitest';
import { toFinishedNotification, toPlainText, toWaitingNotification } from '../../../src/daemon/notifier-text.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';

const tool = { name: 'Bash', startedAt: '2025-01-01T12:00:00.000Z', summary: 'rm -rf build && npm test' };

describe('notification text', () => {
  it('names the project, what it waits for, the tool and what it asks', () => {
    const n = toWaitingNotification(
      makeFakeSession({ id: 'a', project: 'api', status: 'waiting', waitingFor: 'permission', tool }),
      7,
    );
    expect(n).toMatchObject({
      summary: 'api waits for permission',
      body: 'Bash: rm -rf build &amp;&amp; npm test',
      urgency: 'normal',
      category: 'x-atm.waiting',
      replacesId: 7,
      expireTimeoutMs: 0,
    });
    expect(n.actions.map((a) => a.key)).toEqual(['default', 'jump']);
  });

  it.each([
    ['question', 'api waits for an answer'],
    ['plan', 'api waits for plan approval'],
    ['elicitation', 'api waits for input'],
  ] as const)('%s reads "%s"', (waitingFor, summary) => {
    const session = makeFakeSession({ id: 'a', project: 'api', status: 'waiting', waitingFor, tool: null });
    expect(toWaitingNotification(session, null)).toMatchObject({ summary, body: 'api needs you' });
  });

  it('strips escapes and markup, folds lines and cuts long text', () => {
    expect(toPlainText('\u001b]0;pwned\u0007<b>x</b>\nnext', 100)).toBe('&lt;b&gt;x&lt;/b&gt; next');
    expect(toPlainText('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('a finished turn is low urgency and says how long it worked', () => {
    const n = toFinishedNotification(makeFakeSession({ id: 'a', project: 'web' }), 125_000, null);
    expect(n).toMatchObject({
      summary: 'web finished',
      body: 'worked 2m 05s',
      urgency: 'low',
      category: 'x-atm.finished',
    });
  });
});
