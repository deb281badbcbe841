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
  /** A failed action (a jump that did not work). */
  error: { fg: 'brightRed', bold: true },
  /** Something the user should act on that is not a failure (sessions this atm cannot show). */
  warning: { fg: 'yellow', bold: true },
  /** News that is not a problem ("Started atmd"). */
  info: { fg: 'cyan' },
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

/**
 * The selection bar: one background across the whole row, so it reads as one continuous bar.
 * Inverse video would not do: each coloured cell would become a patch of its own colour. Text
 * keeps its colour; a badge's colour moves to its text, so a waiting row still stands out.
 */
export const SELECTED = (style: Style): Style => {
  const fg = style.bg !== undefined && style.bg !== 'default' ? style.bg : style.fg;
  return {
    // Grey, black or blue text would vanish on the blue bar.
    ...(fg === undefined || fg === 'blue' || fg === 'black' || fg === 'gray' ? { fg: 'brightWhite' } : { fg }),
    bg: 'blue',
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.dim === true ? { dim: true } : {}),
  };
};
export const DIMMED = (style: Style): Style => ({ ...style, dim: true });
