import { assertNever } from '../shared/assert-never.js';
import { formatCostUsd } from '../domain/session-format.js';
import { formatClock } from './format.js';
import { fillRow, putText, type Frame, type Style } from './frame.js';
import { THEME } from './theme.js';
import type { HeaderView } from './view-model.js';

function connectionLabel(kind: HeaderView['connection']): [string, Style] {
  switch (kind) {
    case 'connected':
      return ['● connected', THEME.connected];
    case 'connecting':
      return ['◌ connecting', THEME.connecting];
    case 'disconnected':
      return ['✕ disconnected', THEME.disconnected];
    default:
      return assertNever(kind, 'connection');
  }
}

/**
 * `atm  ● connected   1 waiting  2 working  3 idle   $4.20            14:05:09`. Parts are
 * written left to right and clipped; the clock only shows when it fits beside them.
 */
export function renderHeader(frame: Frame, y: number, header: HeaderView, nowMs: number): void {
  fillRow(frame, y, {});
  const [label, labelStyle] = connectionLabel(header.connection);
  const { waiting, working, idle } = header.counts;
  const parts: [string, Style][] = [
    [header.title, THEME.title],
    ['  ', {}],
    [`${waiting} waiting`, waiting > 0 ? THEME.waitingBadge : THEME.label],
    ['  ', {}],
    [`${working} working`, working > 0 ? THEME.connected : THEME.label],
    ['  ', {}],
    [`${idle} idle`, THEME.label],
    ['   ', {}],
    [formatCostUsd(header.totalCostUsd), {}],
    ['   ', {}],
    [label, labelStyle],
  ];
  let x = 0;
  for (const [text, style] of parts) x = putText(frame, x, y, text, style, frame.width - x);
  const clock = formatClock(nowMs);
  if (x + 2 + clock.length <= frame.width) putText(frame, frame.width - clock.length, y, clock, THEME.label);
}

/** The red "Daemon disconnected — reconnecting in Ns" bar across the whole width. */
export function renderBanner(frame: Frame, y: number, text: string): void {
  fillRow(frame, y, THEME.banner);
  putText(frame, 1, y, text, THEME.banner, frame.width - 2);
}
