/**
 * `systemctl show -p A,B unit…` prints KEY=value lines, one block per unit separated by a blank
 * line. Pure.
 */
export function parseSystemctlShow(text: string): Record<string, string>[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const record: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0) record[line.slice(0, eq)] = line.slice(eq + 1);
      }
      return record;
    });
}

export const SHOW_PROPERTIES = ['Id', 'LoadState', 'UnitFileState', 'ActiveState', 'SubState', 'MainPID'] as const;

/** "atm.socket   enabled, active (listening)" from one block. */
export function describeUnit(unit: Record<string, string>): string {
  const name = unit.Id ?? '?';
  if (unit.LoadState === 'not-found') return `${name.padEnd(12)} not installed`;
  const pid = Number(unit.MainPID ?? '0');
  const main = pid > 0 ? `, main pid ${pid}` : '';
  return `${name.padEnd(12)} ${unit.UnitFileState || 'static'}, ${unit.ActiveState ?? '?'} (${unit.SubState ?? '?'})${main}`;
}
