import { bold, italic, roffText, section, tagged } from './roff.js';
import type { PageInfo } from './atm-page.js';

/** The slice of JSON Schema (as zod's toJSONSchema writes it) the config page reads. */
export interface SchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface ConfigKey {
  readonly key: string;
  readonly type: string;
  readonly defaultValue: string;
}

/** Every leaf key of the schema, dotted (`daemon.maxSessions`), with its type and range and default. */
export function toConfigKeys(node: SchemaNode, prefix = ''): ConfigKey[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (child.type === 'object' && child.properties !== undefined) return toConfigKeys(child, key);
    return [{ key, type: describeType(child), defaultValue: JSON.stringify(child.default) }];
  });
}

export function describeType(node: SchemaNode): string {
  if (node.anyOf !== undefined) return node.anyOf.map(describeType).join(' or ');
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum !== undefined) return `one of ${node.enum.map((v) => String(v)).join(', ')}`;
  const range = (min: number | undefined, max: number | undefined): string =>
    min === undefined && max === undefined ? '' : `, ${min ?? ''} to ${max ?? ''}`.replace(/, {2}to/, ', up to');
  if (node.type === 'integer' || node.type === 'number') return `${node.type}${range(node.minimum, node.maximum)}`;
  if (node.type === 'array') {
    const items = node.items === undefined ? 'values' : describeType(node.items);
    const count =
      node.minItems === undefined && node.maxItems === undefined
        ? ''
        : ` (${node.minItems ?? 0} to ${node.maxItems ?? 'any number of'} items)`;
    return `list of ${items}${count}`;
  }
  return node.type ?? 'any value';
}

/**
 * The "Meaning" column of docs/CONFIG.md's key table, by key, as plain text: the page takes each
 * key's prose from there, so the docs and the page cannot say different things.
 */
export function readConfigDoc(markdown: string): Map<string, string> {
  const meanings = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const key = /^`([\w.]+)`$/.exec(cells[1] ?? '')?.[1];
    const meaning = cells[4];
    if (key === undefined || meaning === undefined || meaning === '') continue;
    meanings.set(
      key,
      meaning
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/`/g, '')
        .replace(/\*\*/g, ''),
    );
  }
  return meanings;
}

/** man/atm.conf.5: every key of the zod schema with its type, range and default. */
export function renderConfigPage(schema: SchemaNode, meanings: ReadonlyMap<string, string>, info: PageInfo): string {
  const keys = toConfigKeys(schema);
  const undocumented = keys.filter((k) => !meanings.has(k.key)).map((k) => k.key);
  if (undocumented.length > 0)
    throw new Error(`docs/CONFIG.md's key table does not describe ${undocumented.join(', ')}: add a row for each`);
  return [
    '.\\" Generated from src/platform/config-schema.ts and docs/CONFIG.md by `npm run generate`; do not edit.',
    `.TH ATM.CONF 5 ${info.date} "atm ${info.version}" "File Formats"`,
    section('name'),
    'atm.conf \\- the configuration of atm and atmd',
    section('synopsis'),
    italic('$XDG_CONFIG_HOME/atm/config.yaml'),
    '.br',
    italic('$XDG_CONFIG_HOME/atm/config.yml'),
    '.br',
    italic('$XDG_CONFIG_HOME/atm/config.json'),
    section('description'),
    roffText(
      'atm runs well with no configuration: every key has a default, and a file needs only the keys to change. atmd reads the first of the files above that exists (or the file named by $ATM_CONFIG) once, when it starts: restart it to apply a change. The file is data only, YAML or JSON. Keys nest: daemon.maxSessions is the key maxSessions inside daemon. Unknown keys are refused, so a typo is caught, and atmd refuses to start, exit status 4, naming the file, the key and what was expected.',
    ),
    section('keys'),
    ...keys.map((k) =>
      tagged(
        bold(k.key),
        [roffText(`${k.type}; default ${k.defaultValue}.`), '.br', roffText(meanings.get(k.key) ?? '')].join('\n'),
      ),
    ),
    section('environment'),
    tagged(bold('ATM_CONFIG'), roffText('read this file instead; a missing file is then an error')),
    tagged(bold('ATM_LOG_LEVEL'), roffText('error, warn, info or debug; wins over logLevel')),
    section('example'),
    '.EX',
    'logLevel: warn',
    'daemon:',
    '  maxSessions: 300',
    '  livenessIntervalMs: 2000',
    '.EE',
    section('see also'),
    `${bold('atm')}(1), ${bold('atmd')}(8)`,
    '',
  ].join('\n');
}
