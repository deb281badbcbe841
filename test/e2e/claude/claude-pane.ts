import { readFile } from 'node:fs/promises';
import type { Session } from '../../../src/domain/session.js';
import { listAtm } from './atm-list.js';
import {
  claudeFileSchema,
  describeViews,
  disagreements,
  type ClaudeFile,
  type Step,
  type Views,
} from './claude-views.js';
import type { FakeModel } from './fake-model.js';
import { pollUntil } from './poll.js';
import { isAlive, waitForExit } from './process-exit.js';
import type { PaneId, TmuxServer } from './tmux-driver.js';

/**
 * One real `claude` running in a tmux pane of the rig, with its three views at hand: the
 * screen, its sessions file, and atm's session for it. Every wait polls; every timeout error
 * shows all three views as they last were.
 */
export interface ClaudePane extends AsyncDisposable {
  readonly pane: PaneId;
  /** The claude process: the pane's first process, and the sessions file's `pid`. */
  readonly pid: number;
  /** Claude Code's session id, from its sessions file. */
  readonly id: string;
  screen(): Promise<string>;
  /** Resolves with the time (Date.now()) the screen was first seen matching. */
  waitForScreen(expect: Step['screen'], what: string, timeoutMs?: number): Promise<number>;
  readFile(): Promise<ClaudeFile | undefined>;
  /** This session in `atm list --json`. */
  atm(): Promise<Session | undefined>;
  views(): Promise<Views>;
  /** Polls until screen, sessions file and atm all agree with `step`; returns that round's views. */
  expectStep(step: Step, timeoutMs?: number): Promise<Views>;
  /** Types `prompt`, presses Enter, and makes sure the fake model got it; returns when Enter went. */
  submit(prompt: string): Promise<number>;
  /**
   * Presses Enter until `dialogText` leaves the screen: a Claude Code dialog ignores keys for
   * about 0.5 s after it appears. Returns when the screen was first seen without it.
   */
  pressEnterUntilGone(dialogText: string): Promise<number>;
  /** Whether the claude process still runs. */
  isAlive(): boolean;
  /** Dispose: kills the pane if it is still there and waits for claude to exit. */
}

export interface ClaudePaneDeps {
  readonly tmux: TmuxServer;
  readonly model: FakeModel;
  readonly atmEnv: NodeJS.ProcessEnv;
  readonly sessionsFilePath: (pid: number) => string;
}

async function readClaudeFile(path: string): Promise<ClaudeFile | undefined> {
  try {
    const parsed = claudeFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // absent, or caught mid-write (Claude rewrites it in place)
  }
}

const modelGot = (model: FakeModel, prompt: string): boolean =>
  model.requests.some((request) => request.turn?.humanText.includes(prompt) === true);

export function toClaudePane(deps: ClaudePaneDeps, pane: PaneId, pid: number, id: string): ClaudePane {
  const { tmux } = deps;
  const screen = (): Promise<string> =>
    tmux.capturePane(pane).catch((error: unknown) => `<capture failed: ${String(error)}>`);
  const readOwnFile = (): Promise<ClaudeFile | undefined> => readClaudeFile(deps.sessionsFilePath(pid));
  const atm = async (): Promise<Session | undefined> =>
    (await listAtm(deps.atmEnv)).find((session) => session.id === id && session.pid === pid);
  const views = async (): Promise<Views> => {
    const atMs = Date.now();
    const [atmSession, file, text] = await Promise.all([atm(), readOwnFile(), screen()]);
    return { atm: atmSession, file, screen: text, atMs };
  };
  const waitForScreen = async (expect: Step['screen'], what: string, timeoutMs = 20_000): Promise<number> => {
    await tmux.waitForScreen(pane, expect, { timeoutMs, what });
    return Date.now();
  };

  return {
    pane,
    pid,
    id,
    screen,
    waitForScreen,
    readFile: readOwnFile,
    atm,
    views,
    async expectStep(step, timeoutMs = 20_000) {
      let last: Views | undefined;
      return pollUntil(
        async () => {
          last = await views();
          return disagreements(step, last).length === 0 ? last : undefined;
        },
        {
          timeoutMs,
          intervalMs: 100,
          what: `"${step.what}"`,
          describeLast: () =>
            last === undefined ? '' : `${disagreements(step, last).join('; ')}\n${describeViews(last)}`,
        },
      );
    },
    async submit(prompt) {
      await tmux.sendText(pane, prompt);
      await waitForScreen(prompt, `the typed prompt "${prompt}"`);
      // An Enter can be lost while Claude redraws; a second one on the emptied prompt does nothing.
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await tmux.sendKeys(pane, 'Enter');
        const sentMs = Date.now();
        const got = await pollUntil(() => (modelGot(deps.model, prompt) ? true : undefined), {
          timeoutMs: 10_000,
          what: `the fake model to receive "${prompt}"`,
        }).then(
          () => true,
          () => false,
        );
        if (got) return sentMs;
      }
      throw new Error(`the fake model never received "${prompt}"; the screen:\n${await screen()}`);
    },
    async pressEnterUntilGone(dialogText) {
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        await tmux.sendKeys(pane, 'Enter');
        const gone = await tmux
          .waitForScreen(pane, (text) => !text.includes(dialogText), { timeoutMs: 700 })
          .then(
            () => true,
            () => false,
          );
        if (gone) return Date.now();
      }
      throw new Error(`"${dialogText}" still on screen after 20 Enter presses:\n${await screen()}`);
    },
    isAlive: () => isAlive(pid),
    async [Symbol.asyncDispose]() {
      if (!isAlive(pid)) return;
      await tmux.run(['kill-pane', '-t', pane]).catch(() => undefined);
      await waitForExit([pid]);
    },
  };
}
