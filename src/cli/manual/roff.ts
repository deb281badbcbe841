/**
 * The little of man(7) roff the generated pages need. Text is escaped so nothing in it is read as
 * a request: backslashes, a leading dot or quote, and hyphens in options (`\-` is a real minus,
 * so `--json` can be searched for and copied).
 */
export function roffText(text: string): string {
  const escaped = text.replace(/\\/g, '\\e').replace(/-/g, '\\-');
  return escaped.replace(/^([.'])/gm, '\\&$1');
}

/** Bold command words and italic placeholders in a synopsis: `atm list [--json]`. */
export function roffSynopsis(words: readonly string[]): string {
  return words.map((word) => (/^[A-Z<[]/.test(word) ? roffText(word) : `\\fB${roffText(word)}\\fR`)).join(' ');
}

export function section(title: string): string {
  return `.SH ${title.toUpperCase()}`;
}

/** A tagged paragraph: the tag on its own line, the body indented below. */
export function tagged(tag: string, body: string): string {
  return `.TP\n${tag}\n${body}`;
}

export function bold(text: string): string {
  return `\\fB${roffText(text)}\\fR`;
}

export function italic(text: string): string {
  return `\\fI${roffText(text)}\\fR`;
}
