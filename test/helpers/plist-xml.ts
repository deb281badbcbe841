/**
 * A strict reader for XML property lists (plutil does not exist off macOS): the plist, dict,
 * array, key, string, integer, real, true and false elements, the five XML entities, and
 * nothing else. Anything outside that grammar throws, so a malformed template fails its test.
 */
type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([a-z]+);|&/g, (match, name: string | undefined) => {
    const value = name === undefined ? undefined : ENTITIES[name];
    if (value === undefined) throw new Error(`bad entity ${match}`);
    return value;
  });
}

function tokenize(xml: string): Token[] {
  const body = xml
    .replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '')
    .replace(
      /^<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\n/,
      '',
    )
    .replace(/<!--[\s\S]*?-->/g, '');
  const tokens: Token[] = [];
  for (const match of body.matchAll(/<(\/?)([a-z]+)((?:\s+[a-z]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g)) {
    if (match[6] !== undefined) throw new Error(`stray < at ${match.index}`);
    if (match[5] !== undefined) tokens.push({ kind: 'text', text: match[5] });
    else if (match[1] === '/') tokens.push({ kind: 'close', name: match[2] ?? '' });
    else tokens.push({ kind: match[4] === '/' ? 'empty' : 'open', name: match[2] ?? '' });
  }
  return tokens;
}

export function parsePlistXml(xml: string): unknown {
  const tokens = tokenize(xml).filter((t) => t.kind !== 'text' || t.text.trim() !== '');
  let i = 0;
  const next = (): Token => {
    const token = tokens[i++];
    if (token === undefined) throw new Error('unexpected end of plist');
    return token;
  };
  const expectClose = (name: string): void => {
    const token = next();
    if (token.kind !== 'close' || token.name !== name) throw new Error(`expected </${name}>`);
  };
  const textOf = (name: string): string => {
    const token = tokens[i];
    if (token?.kind === 'close') {
      expectClose(name);
      return '';
    }
    const text = next();
    if (text.kind !== 'text') throw new Error(`<${name}> holds markup`);
    expectClose(name);
    return decode(text.text);
  };
  const value = (): unknown => {
    const token = next();
    if (token.kind === 'empty') {
      if (token.name === 'true') return true;
      if (token.name === 'false') return false;
      throw new Error(`unexpected <${token.name}/>`);
    }
    if (token.kind !== 'open') throw new Error('expected a value');
    switch (token.name) {
      case 'string':
        return textOf('string');
      case 'integer': {
        const text = textOf('integer');
        if (!/^-?\d+$/.test(text)) throw new Error(`bad integer ${text}`);
        return Number(text);
      }
      case 'real':
        return Number(textOf('real'));
      case 'array': {
        const items: unknown[] = [];
        while (tokens[i]?.kind !== 'close') items.push(value());
        expectClose('array');
        return items;
      }
      case 'dict': {
        const dict: Record<string, unknown> = {};
        while (tokens[i]?.kind !== 'close') {
          const key = next();
          if (key.kind !== 'open' || key.name !== 'key') throw new Error('a dict holds <key> then a value');
          const name = textOf('key');
          if (name in dict) throw new Error(`duplicate key ${name}`);
          dict[name] = value();
        }
        expectClose('dict');
        return dict;
      }
      default:
        throw new Error(`unknown element <${token.name}>`);
    }
  };
  const root = next();
  if (root.kind !== 'open' || root.name !== 'plist') throw new Error('not a plist');
  const result = value();
  expectClose('plist');
  if (i !== tokens.length) throw new Error('content after </plist>');
  return result;
}
