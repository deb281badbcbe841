/* eslint-disable no-control-regex -- the escape byte is what this file parses */
// Turns `tmux capture-pane -e` output (text plus SGR escapes only) into HTML spans, for
// readme-screenshot.mjs. Small on purpose: tmux emits only the SGR codes handled here.
const BASE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5'];
const BRIGHT = ['#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const DEFAULT_FG = '#d0d0d0';
const DEFAULT_BG = '#000000';

const xterm256 = (n) => {
  if (n < 8) return BASE[n];
  if (n < 16) return BRIGHT[n - 8];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const level = (c) => (c === 0 ? 0 : 55 + c * 40);
  return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
};

const escapeHtml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function ansiToHtml(ansi) {
  let style = { fg: null, bg: null, bold: false, dim: false, inverse: false, underline: false };
  const reset = () => ({ fg: null, bg: null, bold: false, dim: false, inverse: false, underline: false });
  let out = '';
  const open = () => {
    let fg = style.fg ?? DEFAULT_FG;
    let bg = style.bg ?? DEFAULT_BG;
    if (style.inverse) [fg, bg] = [bg, fg];
    // A terminal dims the text only, never the background.
    const css = [`color:${style.dim ? `color-mix(in srgb, ${fg} 55%, ${bg})` : fg}`];
    if (bg !== DEFAULT_BG) css.push(`background:${bg}`);
    if (style.bold) css.push('font-weight:bold');
    if (style.underline) css.push('text-decoration:underline');
    return `<span style="${css.join(';')}">`;
  };
  for (const part of ansi.split(/(\u001b\[[0-9;]*m)/)) {
    const sgr = /^\u001b\[([0-9;]*)m$/.exec(part);
    if (sgr === null) {
      if (part !== '') out += `${open()}${escapeHtml(part)}</span>`;
      continue;
    }
    const codes = sgr[1] === '' ? [0] : sgr[1].split(';').map(Number);
    for (let i = 0; i < codes.length; i += 1) {
      const c = codes[i];
      if (c === 0) style = reset();
      else if (c === 1) style.bold = true;
      else if (c === 2) style.dim = true;
      else if (c === 4) style.underline = true;
      else if (c === 7) style.inverse = true;
      else if (c === 22) [style.bold, style.dim] = [false, false];
      else if (c === 24) style.underline = false;
      else if (c === 27) style.inverse = false;
      else if (c >= 30 && c <= 37) style.fg = BASE[c - 30];
      else if (c === 39) style.fg = null;
      else if (c >= 40 && c <= 47) style.bg = BASE[c - 40];
      else if (c === 49) style.bg = null;
      else if (c >= 90 && c <= 97) style.fg = BRIGHT[c - 90];
      else if (c >= 100 && c <= 107) style.bg = BRIGHT[c - 100];
      else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
        const colour = xterm256(codes[i + 2] ?? 0);
        if (c === 38) style.fg = colour;
        else style.bg = colour;
        i += 2;
      } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
        const colour = `rgb(${codes[i + 2] ?? 0},${codes[i + 3] ?? 0},${codes[i + 4] ?? 0})`;
        if (c === 38) style.fg = colour;
        else style.bg = colour;
        i += 4;
      }
    }
  }
  return out;
}
