/**
 * Whether atm's output may use colour: the one rule for every command and the dashboard.
 * From strongest to weakest: `--color=always|never`; FORCE_COLOR (0 or false: never, any other
 * value: always, as Node and most tools read it); NO_COLOR set and not empty (no-color.org);
 * TERM=dumb; otherwise colour exactly when the output is a terminal.
 */
export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export function isColorMode(value: string | undefined): value is ColorMode {
  return (COLOR_MODES as readonly (string | undefined)[]).includes(value);
}

export function resolveColor(inputs: {
  readonly mode: ColorMode;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}): boolean {
  if (inputs.mode !== 'auto') return inputs.mode === 'always';
  const force = inputs.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const noColor = inputs.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (inputs.env.TERM === 'dumb') return false;
  return inputs.isTTY;
}
