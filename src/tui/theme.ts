import type { SessionStatus } from '../domain/session.js';
import type { ContextLevel } from './format.js';
import type { Style } from './frame.js';

/**
 * Every colour the dashboard uses, in one place. Waiting is the one state that must jump out:
 * bright, bold, and a filled badge; working is calm green; idle recedes.
 */
export const THEME = {
  title: { bold: true },
  dim: { dim: true },
  label: { fg: 'gray' },
  columnTitle: { fg: 'gray', bold: true },
  group: { fg: 'cyan', bold: true },
  groupWaiting: { fg: 'brightYellow', bold: true },
  project: { bold: true },
  path: { fg: 'gray' },
  banner: { fg: 'brightWhite', bg: 'red', bold: true },
  notice: { fg: 'brightRed', bold: true },
  key: { fg: 'cyan', bold: true },
  filter: { fg: 'brightYellow', bold: true },
  helpBox: { fg: 'white', bg: 'blue' },
  helpKey: { fg: 'brightYellow', bg: 'blue', bold: true },
  connected: { fg: 'green' },
  connecting: { fg: 'yellow' },
  disconnected: { fg: 'brightRed', bold: true },
  waitingBadge: { fg: 'black', bg: 'brightYellow', bold: true },
} as const satisfies Record<string, Style>;

export const STATUS_GLYPH: Readonly<Record<SessionStatus, string>> = { working: '●', waiting: '◆', idle: '○' };

export const STATUS_STYLE: Readonly<Record<SessionStatus, Style>> = {
  working: { fg: 'green' },
  waiting: { fg: 'brightYellow', bold: true },
  idle: { fg: 'gray' },
};

/** The state word; waiting is a filled badge so it reads at a glance even on a busy screen. */
export const STATE_BADGE_STYLE: Readonly<Record<SessionStatus, Style>> = {
  working: { fg: 'green' },
  waiting: THEME.waitingBadge,
  idle: { fg: 'gray' },
};

export const CONTEXT_STYLE: Readonly<Record<ContextLevel, Style>> = {
  ok: { fg: 'green' },
  high: { fg: 'yellow', bold: true },
  critical: { fg: 'brightRed', bold: true },
};

export const SELECTED = (style: Style): Style => ({ ...style, inverse: true });
export const DIMMED = (style: Style): Style => ({ ...style, dim: true });
