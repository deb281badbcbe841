import { describe, expect, it } from 'vitest';
import { KEY_HELP, toAction, type Action, type KeyContext } from '../../../src/tui/keymap.js';
import type { ScreenInput } from '../../../src/tui/screen.js';

const NORMAL: KeyContext = { helpOpen: false, filterEditing: false, filterActive: false };
const key = (name: Extract<ScreenInput, { kind: 'key' }>['key']): ScreenInput => ({ kind: 'key', key: name });
const char = (c: string): ScreenInput => ({ kind: 'char', char: c });

describe('toAction in the table', () => {
  it.each<[string, ScreenInput, Action | null]>([
    ['j', char('j'), { type: 'move', delta: 1 }],
    ['k', char('k'), { type: 'move', delta: -1 }],
    ['down', key('down'), { type: 'move', delta: 1 }],
    ['up', key('up'), { type: 'move', delta: -1 }],
    ['g', char('g'), { type: 'move-to', where: 'top' }],
    ['G', char('G'), { type: 'move-to', where: 'bottom' }],
    ['home', key('home'), { type: 'move-to', where: 'top' }],
    ['end', key('end'), { type: 'move-to', where: 'bottom' }],
    ['page down', key('page-down'), { type: 'page', direction: 1 }],
    ['page up', key('page-up'), { type: 'page', direction: -1 }],
    ['enter', key('enter'), { type: 'activate' }],
    ['tab', key('tab'), { type: 'toggle-detail' }],
    ['/', char('/'), { type: 'filter-open' }],
    ['s', char('s'), { type: 'cycle-sort' }],
    ['space', char(' '), { type: 'toggle-group' }],
    ['?', char('?'), { type: 'toggle-help' }],
    ['q', char('q'), { type: 'quit' }],
    ['escape', key('escape'), { type: 'quit' }],
    ['ctrl-c', key('ctrl-c'), { type: 'quit' }],
    ['unbound letter', char('x'), null],
    ['unbound key', key('left'), null],
    ['click', { kind: 'click', x: 3, y: 4 }, { type: 'click', x: 3, y: 4 }],
    ['wheel up', { kind: 'wheel', direction: 'up', x: 0, y: 0 }, { type: 'scroll', delta: -3 }],
    ['wheel down', { kind: 'wheel', direction: 'down', x: 0, y: 0 }, { type: 'scroll', delta: 3 }],
  ])('%s', (_name, input, expected) => {
    expect(toAction(input, NORMAL)).toEqual(expected);
  });

  it('Esc clears a kept filter before it quits', () => {
    expect(toAction(key('escape'), { ...NORMAL, filterActive: true })).toEqual({ type: 'filter-clear' });
  });
});

describe('toAction while editing the filter', () => {
  const EDITING: KeyContext = { ...NORMAL, filterEditing: true, filterActive: true };
  it.each<[string, ScreenInput, Action | null]>([
    ['letters are text', char('q'), { type: 'filter-type', text: 'q' }],
    ['space is text', char(' '), { type: 'filter-type', text: ' ' }],
    ['slash is text', char('/'), { type: 'filter-type', text: '/' }],
    ['backspace', key('backspace'), { type: 'filter-backspace' }],
    ['enter keeps', key('enter'), { type: 'filter-accept' }],
    ['escape clears', key('escape'), { type: 'filter-clear' }],
    ['arrows still move', key('down'), { type: 'move', delta: 1 }],
    ['ctrl-c still quits', key('ctrl-c'), { type: 'quit' }],
    ['tab does nothing', key('tab'), null],
  ])('%s', (_name, input, expected) => {
    expect(toAction(input, EDITING)).toEqual(expected);
  });
});

describe('toAction with the help open', () => {
  const HELP: KeyContext = { ...NORMAL, helpOpen: true };
  it.each([char('q'), char('?'), key('escape'), key('enter')])('%j closes the help', (input) => {
    expect(toAction(input, HELP)).toEqual({ type: 'toggle-help' });
  });
  it('ctrl-c quits', () => {
    expect(toAction(key('ctrl-c'), HELP)).toEqual({ type: 'quit' });
  });
});

describe('KEY_HELP', () => {
  const keys = KEY_HELP.flatMap((entry) => entry.keys);
  it.each([
    'j',
    'k',
    '↓',
    '↑',
    'g',
    'G',
    'Home',
    'End',
    'PgDn',
    'PgUp',
    'Enter',
    'Tab',
    '/',
    's',
    'Space',
    '?',
    'q',
    'Esc',
    'Ctrl-C',
    'click',
    'wheel',
  ])('lists %s', (name) => {
    expect(keys).toContain(name);
  });
});
