import { describe, expect, it } from 'vitest';
import type { DroppedSession } from '../../../src/protocol/messages.js';
import { PROTOCOL_VERSION } from '../../../src/protocol/version.js';
import { renderDashboard } from '../../../src/tui/render-dashboard.js';
import type { Message } from '../../../src/tui/update.js';
import { findText, hasControl, lines, screenText } from './render-helpers.js';
import { apply, NOW, stateWith, THREE_PROJECTS } from './state-helpers.js';

/**
 * Issue 10 defect 15, the dashboard's side: a session a newer atmd sends that this version
 * cannot read is left out by the client; the dashboard counts it and says what to do, so none
 * goes missing without a word.
 */
const dropped = (id: string): DroppedSession => ({ id, problem: `session ${id} (subagents: expected object)` });

const snapshot = (unreadable: readonly DroppedSession[], protocolVersion = '1.4'): Message => ({
  type: 'feed',
  event: { type: 'snapshot', sessions: [...THREE_PROJECTS], unreadable, protocolVersion },
});

const withUnreadable = (unreadable: readonly DroppedSession[], protocolVersion = '1.4', width = 120) =>
  stateWith(THREE_PROJECTS, [snapshot(unreadable, protocolVersion)], { width });

const footer = (width: number, protocolVersion = '1.4'): string =>
  lines(renderDashboard(withUnreadable([dropped('new-1'), dropped('new-2')], protocolVersion, width).state, NOW)).at(
    -1,
  ) ?? '';

describe('sessions this atm cannot read', () => {
  it('are counted by id: an update can remove them, or bring them back readable', () => {
    const { state } = withUnreadable([dropped('new-1'), dropped('new-2')]);
    expect([...state.unreadable]).toEqual(['new-1', 'new-2']);
    const removed = apply(state, { type: 'feed', event: { type: 'update', upsert: [], remove: ['new-1' as never] } });
    expect([...removed.state.unreadable]).toEqual(['new-2']);
    const readable = { ...THREE_PROJECTS[0], id: 'new-2' } as (typeof THREE_PROJECTS)[number];
    const back = apply(removed.state, { type: 'feed', event: { type: 'update', upsert: [readable], remove: [] } });
    expect(back.state.unreadable.size).toBe(0);
    expect(back.state.sessions.has(readable.id)).toBe(true);
  });

  it('take a shown session off the screen when its update cannot be read (its old row would be stale)', () => {
    const { state } = stateWith(THREE_PROJECTS);
    const next = apply(state, {
      type: 'feed',
      event: { type: 'update', upsert: [], remove: [], unreadable: [dropped('api-w')] },
    });
    expect(next.state.sessions.has('api-w' as never)).toBe(false);
    expect([...next.state.unreadable]).toEqual(['api-w']);
  });

  it('are forgotten with the next snapshot that has none', () => {
    const { state } = withUnreadable([dropped('new-1')]);
    expect(apply(state, snapshot([])).state.unreadable.size).toBe(0);
  });

  it('are said in the footer, with the newer protocol and what to do, before the hints that fit', () => {
    expect(footer(160)).toMatch(
      /^2 sessions not shown: atmd speaks a newer protocol \(1\.4\); update atm, or restart this dashboard if you did {2}↑↓ move .*\? help {2}q quit/,
    );
    expect(footer(120)).toMatch(/^2 sessions not shown: atmd speaks a newer protocol \(1\.4\); update atm {2}.*q quit/);
  });

  it.each([80, 60, 40])('keep the quit and help hints on a %i-column footer, with a shorter word', (width) => {
    const text = footer(width);
    expect(text).toMatch(/^2 (sessions )?not shown.*update atm/);
    expect(text).toContain('? help  q quit');
  });

  it('are styled as a warning, not an error', () => {
    const frame = renderDashboard(withUnreadable([dropped('new-1')]).state, NOW);
    const warning = findText(frame, '1 session not shown');
    expect(warning?.cells[warning.x]?.style).toMatchObject({ fg: 'yellow' });
  });

  it('do not blame the protocol when atmd speaks this one (atm list says why)', () => {
    expect(footer(120, PROTOCOL_VERSION)).toMatch(
      /^2 sessions not shown: this atm cannot read them \(atm list says why\)/,
    );
  });

  it('never show what the daemon sent unparsed: a version with escapes is not shown', () => {
    const text = footer(120, '\x1b]0;owned\x07 1.9');
    expect(hasControl(text)).toBe(false);
    expect(text).not.toContain('owned');
    expect(text).toMatch(/^2 sessions not shown: this atm cannot read them/);
  });

  it('leave the empty table saying so, wrapped whole, not "no sessions yet"', () => {
    const state = stateWith(
      [],
      [{ type: 'feed', event: { type: 'snapshot', sessions: [], unreadable: [dropped('a')], protocolVersion: '1.4' } }],
      {
        width: 60,
      },
    ).state;
    const text = screenText(renderDashboard(state, NOW));
    expect(text).not.toContain('No agent sessions yet');
    const body = lines(renderDashboard(state, NOW))
      .slice(1, -1)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' ');
    expect(body).toContain(
      '1 session not shown: atmd speaks a newer protocol (1.4); update atm, or restart this dashboard if you did.',
    );
  });
});
