/**
 * The few SGR styles atm's plain-text commands use, applied only when the colour resolver
 * (src/shared/color-mode.ts) said yes. Text passed in is already stripped of escapes.
 */
const CODES = { bold: '1', dim: '2', green: '32', yellow: '1;33', red: '1;31' } as const;
export type SgrStyle = keyof typeof CODES;

export function paint(text: string, style: SgrStyle, color: boolean): string {
  return color && text.length > 0 ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

/** `atm list`'s table: the header bold, each row coloured by the status it starts with. */
export function paintSessionTable(table: string, color: boolean): string {
  if (!color) return table;
  const [header = '', ...rows] = table.split('\n');
  const styleOf = (row: string): SgrStyle | undefined =>
    row.startsWith('waiting')
      ? 'yellow'
      : row.startsWith('working')
        ? 'green'
        : row.startsWith('idle')
          ? 'dim'
          : undefined;
  if (rows.length === 0) return table; // the "No sessions" sentence
  return [
    paint(header, 'bold', true),
    ...rows.map((row) => {
      const style = styleOf(row);
      return style === undefined ? row : paint(row, style, true);
    }),
  ].join('\n');
}
