import { describe, expect, it } from 'vitest';
import type { CommandTable } from '../../../src/cli/command-line/command-spec.js';
import { renderAtmPage } from '../../../src/cli/manual/atm-page.js';
import { describeType, readConfigDoc, renderConfigPage, toConfigKeys } from '../../../src/cli/manual/config-page.js';
import { roffText } from '../../../src/cli/manual/roff.js';
import { COMMAND_TABLE } from '../../../src/cli/command-table.js';

const INFO = { version: '9.9.9', date: '2026-12-06' };

describe('the man page generators', () => {
  it('escape roff: backslashes, minus signs, a leading dot or quote', () => {
    expect(roffText('a\\b --json')).toBe('a\\eb \\-\\-json');
    expect(roffText(".TH no\n'also no")).toBe("\\&.TH no\n\\&'also no");
  });

  it('atm.1 has a synopsis line and an entry for every visible command, and none for hidden ones', () => {
    const page = renderAtmPage(COMMAND_TABLE, INFO);
    for (const spec of COMMAND_TABLE.commands) {
      const name = spec.name.replace(/-/g, '\\-');
      if (spec.hidden === true) expect(page).not.toContain(`atm ${name}`);
      else expect(page).toContain(`.TP\n\\fBatm ${name}\\fR`);
    }
    for (const title of ['FILES', 'ENVIRONMENT', 'EXIT STATUS', 'EXAMPLES', 'TMUX BINDINGS'])
      expect(page).toContain(`.SH ${title}`);
  });

  it('a command added to the table appears in atm.1 with its options', () => {
    const table: CommandTable = {
      ...COMMAND_TABLE,
      commands: [
        ...COMMAND_TABLE.commands,
        {
          name: 'frob',
          summary: 'frobnicate',
          options: [{ name: 'level', type: 'string', choices: ['low', 'high'], description: 'how hard' }],
          arguments: [],
          examples: [],
          load: () => Promise.reject(new Error('not run')),
        },
      ],
    };
    const page = renderAtmPage(table, INFO);
    expect(page).toContain('.B atm frob\n[\\-\\-level low|high]');
    expect(page).toContain('\\fB\\-\\-level\\fR \\fIlow|high\\fR\nhow hard');
  });

  it.each([
    [{ type: 'integer', minimum: 1, maximum: 10 }, 'integer, 1 to 10'],
    [{ type: 'number', minimum: 0 }, 'number, 0 to '],
    [{ type: 'string', enum: ['a', 'b'] }, 'one of a, b'],
    [{ anyOf: [{ type: 'boolean' }, { type: 'string', const: 'auto' }] }, 'boolean or "auto"'],
    [{ type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 }, 'list of string (1 to 3 items)'],
    [{ anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] }, 'list of string or null'],
  ])('describes %j as %s', (node, text) => {
    expect(describeType(node)).toBe(text);
  });

  it('atm.conf.5 refuses a key docs/CONFIG.md does not describe', () => {
    const schema = { type: 'object', properties: { a: { type: 'boolean', default: true } } };
    expect(toConfigKeys(schema)).toEqual([{ key: 'a', type: 'boolean', defaultValue: 'true' }]);
    expect(() => renderConfigPage(schema, new Map(), INFO)).toThrow(/does not describe a: add a row/);
    const doc = '| `a` | boolean | `true` | Whether to [frob](#frob) `things`. |';
    expect(readConfigDoc(doc)).toEqual(new Map([['a', 'Whether to frob things.']]));
    expect(renderConfigPage(schema, readConfigDoc(doc), INFO)).toContain(
      '.TP\n\\fBa\\fR\nboolean; default true.\n.br\nWhether to frob things.',
    );
  });
});
