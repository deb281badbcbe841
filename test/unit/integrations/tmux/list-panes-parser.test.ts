import { describe, expect, it } from 'vitest';
import {
  FIELD_SEPARATOR,
  LIST_CLIENTS_FORMAT,
  LIST_PANES_FORMAT,
  mostRecentClient,
  parseTmuxListing,
} from '../../../../src/integrations/tmux/list-panes-parser.js';

const S = FIELD_SEPARATOR;
interface PaneRow {
  id?: string;
  pid?: string;
  session?: string;
  sessionName?: string;
  window?: string;
  windowIndex?: string;
  windowName?: string;
  paneIndex?: string;
  active?: string;
  windowActive?: string;
  attached?: string;
}
const pane = (row: PaneRow = {}): string =>
  [
    'P',
    row.id ?? '%1',
    row.pid ?? '4242',
    row.session ?? '$0',
    row.sessionName ?? 'work',
    row.window ?? '@3',
    row.windowIndex ?? '2',
    row.windowName ?? 'editor',
    row.paneIndex ?? '0',
    row.active ?? '1',
    row.windowActive ?? '0',
    row.attached ?? '1',
  ].join(S);
const client = (tty: string, session: string, activity: string): string => ['C', tty, session, activity].join(S);

describe('the formats', () => {
  it('start with their kind and separate fields with 0x1f', () => {
    expect(LIST_PANES_FORMAT.startsWith(`P${S}#{pane_id}${S}`)).toBe(true);
    expect(LIST_CLIENTS_FORMAT).toBe(`C${S}#{client_tty}${S}#{session_id}${S}#{client_activity}`);
  });
});

describe('parseTmuxListing', () => {
  it('reads a pane', () => {
    expect(parseTmuxListing(`${pane()}\n`).panes).toEqual([
      {
        paneId: '%1',
        panePid: 4242,
        sessionId: '$0',
        sessionName: 'work',
        windowId: '@3',
        windowIndex: 2,
        windowName: 'editor',
        paneIndex: 0,
        paneActive: true,
        windowActive: false,
        sessionAttached: true,
        clientTty: null,
      },
    ]);
  });

  it.each([
    ['spaces and quotes', `my "big" 'project'`],
    ['unicode', 'ü ✓ 日本語 🚀'],
    ['a tab', 'a\tb'],
    ['an empty name', ''],
  ])('keeps names with %s', (_name, name) => {
    const [found] = parseTmuxListing(pane({ sessionName: name, windowName: name })).panes;
    expect(found?.sessionName).toBe(name.replace('\t', ' '));
    expect(found?.windowName).toBe(name.replace('\t', ' '));
  });

  it('removes escape sequences and control characters from names', () => {
    const [found] = parseTmuxListing(pane({ windowName: 'x\u001b[2Jy\u0007\u001b]0;title\u0007z' })).panes;
    expect(found?.windowName).toBe('xyz');
  });

  it.each([
    ['a bad pane id', pane({ id: '1' })],
    ['a pane id with more', pane({ id: '%1;kill-server' })],
    ['a bad pid', pane({ pid: '-1' })],
    ['a bad session id', pane({ session: '0' })],
    ['a bad window id', pane({ window: '3' })],
    ['a bad window index', pane({ windowIndex: 'x' })],
    ['a separator inside a name (one field too many)', pane({ windowName: `a${S}b` })],
    ['a newline inside a name (split line)', pane({ windowName: 'a\nb' })],
    ['too few fields', `P${S}%1${S}4242`],
    ['an unknown kind', pane().replace(/^P/, 'X')],
    ['tmux’s own message', 'no server running on /tmp/tmux-0/default'],
  ])('skips a line with %s and keeps the rest', (_name, odd) => {
    const { panes } = parseTmuxListing([pane({ id: '%7' }), odd, pane({ id: '%8' }), ''].join('\n'));
    expect(panes.map((found) => found.paneId)).toEqual(['%7', '%8']);
  });

  it('accepts CRLF and empty output', () => {
    expect(parseTmuxListing(`${pane()}\r\n`).panes).toHaveLength(1);
    expect(parseTmuxListing('')).toEqual({ panes: [], clients: [] });
  });

  it('gives each pane the most recently active client on its session', () => {
    const output = [
      pane({ id: '%1', session: '$0' }),
      pane({ id: '%2', session: '$1' }),
      pane({ id: '%3', session: '$2', attached: '0' }),
      client('/dev/pts/3', '$0', '100'),
      client('/dev/pts/4', '$0', '200'),
      client('/dev/pts/5', '$1', '50'),
      client('not-a-tty', '$2', '300'),
    ].join('\n');
    const { panes, clients } = parseTmuxListing(output);
    expect(panes.map((found) => [found.paneId, found.clientTty])).toEqual([
      ['%1', '/dev/pts/4'],
      ['%2', '/dev/pts/5'],
      ['%3', null],
    ]);
    expect(clients).toHaveLength(3);
    expect(mostRecentClient(clients)?.tty).toBe('/dev/pts/4');
    expect(mostRecentClient(clients, '$9')).toBeNull();
  });
});
