import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  toBootoutArgv,
  toBootstrapArgv,
  toKickstartArgv,
  toPrintArgv,
} from '../../../../src/integrations/launchd/launchctl-argv.js';
import {
  AGENT_PATH,
  LAUNCHD_LABEL,
  PLIST_FILE_NAME,
  renderPlist,
  TEMPLATE_INPUTS,
} from '../../../../src/integrations/launchd/launchd-plist.js';
import { REPO_ROOT } from '../../../helpers/built.js';
import { parsePlistXml } from '../../../helpers/plist-xml.js';

const template = readFileSync(join(REPO_ROOT, 'launchd', PLIST_FILE_NAME), 'utf8');

describe('the launchd agent', () => {
  it('the shipped template is exactly the rendering of the template inputs', () => {
    expect(template).toBe(renderPlist(TEMPLATE_INPUTS));
  });

  it('parses as an XML property list with every key the agent needs', () => {
    expect(parsePlistXml(template)).toEqual({
      Label: LAUNCHD_LABEL,
      ProgramArguments: ['/usr/local/bin/atmd'],
      RunAtLoad: true,
      KeepAlive: { SuccessfulExit: false },
      ThrottleInterval: 10,
      EnvironmentVariables: { LANG: 'en_US.UTF-8', PATH: AGENT_PATH },
      StandardOutPath: '/Users/USER/Library/Logs/atm/atmd.stdout.log',
      StandardErrorPath: '/Users/USER/Library/Logs/atm/atmd.stderr.log',
    });
  });

  it('escapes paths, so an odd one still parses to itself', () => {
    const odd = '/Users/a&b/<x> "y"/node';
    const plist = parsePlistXml(renderPlist({ programArguments: [odd, '/m.js'], logDir: '/Users/a&b/Logs' })) as Record<
      string,
      unknown
    >;
    expect(plist.ProgramArguments).toEqual([odd, '/m.js']);
    expect(plist.StandardErrorPath).toBe('/Users/a&b/Logs/atmd.stderr.log');
  });

  it('the parser refuses what is not a plist', () => {
    expect(() => parsePlistXml(template.replace('<true/>', '<maybe/>'))).toThrow(/maybe/);
    expect(() => parsePlistXml(template.replace('</dict>\n</plist>', '</plist>'))).toThrow();
    expect(() => parsePlistXml(template.replace('a&b', 'a&b'))).not.toThrow();
    expect(() => parsePlistXml(renderPlist(TEMPLATE_INPUTS).replace('Label', 'La&bel'))).toThrow(/entity/);
  });

  it.each([
    [
      toBootstrapArgv(501, '/Users/me/Library/LaunchAgents/x.plist'),
      ['bootstrap', 'gui/501', '/Users/me/Library/LaunchAgents/x.plist'],
    ],
    [toBootoutArgv(501), ['bootout', `gui/501/${LAUNCHD_LABEL}`]],
    [toKickstartArgv(501), ['kickstart', '-k', `gui/501/${LAUNCHD_LABEL}`]],
    [toPrintArgv(501), ['print', `gui/501/${LAUNCHD_LABEL}`]],
  ])('launchctl %j', (argv, expected) => {
    expect(argv).toEqual(expected);
  });
});
