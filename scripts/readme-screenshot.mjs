#!/usr/bin/env node
/* global process, console, setTimeout */
/* eslint-disable no-console -- a developer script: its output is for the terminal */
// Makes docs/images/dashboard.png, the README's picture, from a real render: `atm demo` runs in
// a private tmux server, `tmux capture-pane -e` reads the screen with its colours,
// ansi-to-html.mjs turns those SGR codes into HTML spans and headless Chromium (a real browser
// engine) renders that to a PNG. (Debian's aha was tried first: it renders black-on-yellow as
// yellow-on-yellow under --black and breaks the selection bar's background.)
//
//   npm run build && node scripts/readme-screenshot.mjs
//
// Needs tmux and chromium (Debian: apt-get install tmux chromium fonts-dejavu-core).
// Regenerate it whenever the dashboard changes; never edit the image by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ansiToHtml } from './ansi-to-html.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'images', 'dashboard.png');
const COLS = 150;
const ROWS = 22;
const SERVER = `atm-shot-${process.pid}`;
// The end of the demo's timeline: every state is on screen.
const WANTED = [
  'waits for permission',
  'waits for an answer',
  'waits for plan approval',
  '(+2 agents)',
  'lighthouse',
  ' idle ',
];

const need = (tool, args) => {
  if (spawnSync(tool, args, { stdio: 'ignore' }).status !== 0) {
    console.error(`readme-screenshot: ${tool} is missing (Debian: apt-get install tmux chromium)`);
    process.exit(1);
  }
};
need('tmux', ['-V']);
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0,
);
if (chromium === undefined) {
  console.error('readme-screenshot: no chromium found (Debian: apt-get install chromium)');
  process.exit(1);
}

const env = { ...process.env, LANG: 'C.UTF-8', TMUX: undefined };
const tmux = (...args) =>
  execFileSync('tmux', ['-u', '-L', SERVER, '-f', '/dev/null', ...args], { env, encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'atm-shot-'));
try {
  tmux(
    'new-session',
    '-d',
    '-s',
    'shot',
    '-x',
    String(COLS),
    '-y',
    String(ROWS),
    process.execPath,
    join(ROOT, 'dist', 'cli', 'main.js'),
    'demo',
  );
  const deadline = Date.now() + 60_000;
  let screen = '';
  while (Date.now() < deadline) {
    screen = tmux('capture-pane', '-p', '-t', 'shot');
    if (WANTED.every((text) => screen.includes(text))) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!WANTED.every((text) => screen.includes(text))) throw new Error(`the demo never showed every state:\n${screen}`);
  tmux('send-keys', '-t', 'shot', 'j'); // dismiss the demo's notice: the footer shows the keys
  await new Promise((resolve) => setTimeout(resolve, 500));
  const ansi = tmux('capture-pane', '-p', '-e', '-N', '-t', 'shot'); // -N: keep the bar's trailing blanks
  const html = ansiToHtml(ansi);
  const page = join(work, 'dashboard.html');
  writeFileSync(
    page,
    `<!doctype html><meta charset="utf-8"><style>
      html, body { margin: 0; background: #000; }
      pre { margin: 0; padding: 12px 14px; font: 14px/17px "DejaVu Sans Mono", monospace; color: #d0d0d0; white-space: pre; }
    </style><pre>${html}</pre>`,
  );
  mkdirSync(dirname(OUT), { recursive: true });
  const width = Math.ceil(COLS * 8.43) + 28;
  const height = ROWS * 17 + 24;
  execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--window-size=${width},${height}`,
      `--screenshot=${OUT}`,
      `file://${page}`,
    ],
    { stdio: 'ignore' },
  );
  console.log(`readme-screenshot: wrote ${OUT} (${COLS}x${ROWS} cells, ${width}x${height} px)`);
} finally {
  spawnSync('tmux', ['-L', SERVER, 'send-keys', '-t', 'shot', 'q'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  spawnSync('tmux', ['-L', SERVER, 'kill-server'], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}
