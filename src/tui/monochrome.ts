import type { Frame, Style } from './frame.js';

/**
 * The dashboard without colour (NO_COLOR, --color=never): foreground and background colours go,
 * bold, dim, underline and inverse stay. What a background colour marked (the waiting badge, the
 * banner, the help box) is shown inverse instead, so it still stands out; the status glyphs
 * (● ◆ ○) are in the text already.
 */
export function toMonochromeStyle(style: Style): Style {
  const { fg: _fg, bg, ...rest } = style;
  return bg === undefined || bg === 'default' ? rest : { ...rest, inverse: rest.inverse !== true };
}

export function toMonochromeFrame(frame: Frame): Frame {
  return {
    width: frame.width,
    height: frame.height,
    rows: frame.rows.map((row) => row.map((cell) => ({ ...cell, style: toMonochromeStyle(cell.style) }))),
  };
}
