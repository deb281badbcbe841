import { describe, expect, it } from 'vitest';
import { renderSessionTable } from '../../../src/cli/session-table.js';
import { makeFakeSession } from '../../../src/tui/dev/fake-sessions.js';
import { hasControl } from '../tui/render-helpers.js';

const NOW = Date.UTC(2025, 0, 1, 12);
const WIDE = Number.POSITIVE_INFINITY;

describe('renderSessionTable (atm list)', () => {
  it('says what to do when there is no session', () => {
    expect(renderSessionTable([], { now: NOW, width: WIDE })).toMatch(/^No sessions\. .*atm setup/);
  });

  it('lists waiting sessions first, then working, then idle, with every column', () => {
    const text = renderSessionTable(
      [
        makeFakeSession({ id: 'a', project: 'alpha', status: 'idle' }, NOW),
        makeFakeSession({ id: 'b', project: 'beta', status: 'working' }, NOW),
        makeFakeSession({ id: 'c', project: 'gamma', status: 'waiting', waitingFor: 'permission' }, NOW),
      ],
      { now: NOW, width: WIDE },
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^STATUS +PROJECT +MODEL +CTX +COST +ACTIVITY +PANE$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(['waiting:permission', 'working', 'idle']);
    expect(lines[1]).toMatch(/^waiting:permission +gamma \(main\) +Sonnet 4\.5 +25% +\$1\.25 +30s ago +work:1 %1$/);
  });

  it('strips escape sequences from every field', () => {
    const hostile = makeFakeSession(
      { id: 'h', project: 'x\u001b]0;pwned\u0007y', model: { id: 'm', displayName: '\u001b[2Jopus\u009b31m' } },
      NOW,
    );
    const text = renderSessionTable([hostile], { now: NOW, width: WIDE });
    expect(text.split('\n').some(hasControl)).toBe(false);
    expect(text).toContain('xy (main)');
  });

  it("cuts lines to a terminal's width and leaves them whole for a pipe", () => {
    const session = makeFakeSession({ id: 'w', project: 'a-rather-long-project-name' }, NOW);
    const narrow = renderSessionTable([session], { now: NOW, width: 40 }).split('\n');
    expect(narrow.every((line) => line.length <= 40)).toBe(true);
    const whole = renderSessionTable([session], { now: NOW, width: WIDE }).split('\n');
    expect(whole[1]).toMatch(/work:1 %1$/);
  });

  it('never cuts a field in a pipe, however long', () => {
    const project = 'a-project-name-well-beyond-forty-characters-long-🚀';
    const text = renderSessionTable([makeFakeSession({ id: 'l', project }, NOW)], { now: NOW, width: WIDE });
    expect(text).toContain(`${project} (main)`);
    expect(text).not.toContain('…');
  });

  it('on an 80-column terminal keeps status, project, activity and pane, dropping model first', () => {
    const sessions = [
      makeFakeSession({ id: 'l', project: 'a-project-name-well-beyond-forty-characters-long' }, NOW),
      makeFakeSession({ id: 'm', project: 'short', status: 'waiting', waitingFor: 'permission' }, NOW),
    ];
    const lines = renderSessionTable(sessions, { now: NOW, width: 80 }).split('\n');
    expect(lines[0]).toMatch(/^STATUS +PROJECT +CTX +ACTIVITY +PANE$/);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[2]).toMatch(/30s ago +work:1 %1$/);
  });

  it('never splits an emoji into U+FFFD when it cuts', () => {
    const session = makeFakeSession({ id: 'e', project: '🚀'.repeat(40) }, NOW);
    for (const width of [40, 41, 80, 81])
      expect(renderSessionTable([session], { now: NOW, width })).not.toContain('\uFFFD');
  });
});
