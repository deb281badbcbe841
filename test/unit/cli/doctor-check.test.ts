import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fail, pass, renderDoctor, toDoctorJson, warn } from '../../../src/cli/commands/doctor-check.js';
import { checkNode } from '../../../src/cli/commands/doctor-checks.js';
import { VERIFIED_CLAUDE_CODE_VERSIONS } from '../../../src/integrations/claude/verified-versions.js';
import { REPO_ROOT } from '../../helpers/built.js';

describe('atm doctor output', () => {
  const checks = [
    pass('node', 'Node 22.1.0'),
    fail('socket', 'mode 0666', 'chmod 600 /s'),
    warn('claude code', '2.2.0', 'expect differences'),
  ];

  it('one line per check with ✓, ✗ or !, the fix under each that did not pass, and a verdict', () => {
    expect(renderDoctor(checks)).toEqual([
      '✓ node         Node 22.1.0',
      '✗ socket       mode 0666',
      '               fix: chmod 600 /s',
      '! claude code  2.2.0',
      '               fix: expect differences',
      'atm doctor: 1 of 3 checks failed',
    ]);
  });

  it('--json says the same as data; a warning alone does not fail', () => {
    expect(JSON.parse(toDoctorJson(checks))).toEqual({ ok: false, checks });
    expect(JSON.parse(toDoctorJson([checks[0]!, checks[2]!])).ok).toBe(true);
  });

  it.each([
    ['20.19.0', 'pass'],
    ['20.18.3', 'fail'],
    ['22.0.0', 'pass'],
    ['18.20.0', 'fail'],
  ])('Node %s: %s', (version, status) => {
    expect(checkNode(version, '/usr/bin/node').status).toBe(status);
  });

  it('knows the Claude Code version the e2e suite is pinned to', () => {
    const pinned = readFileSync(join(REPO_ROOT, 'test', 'e2e', 'claude', 'claude-code.version'), 'utf8').trim();
    expect(VERIFIED_CLAUDE_CODE_VERSIONS).toContain(pinned);
  });
});
