import { createConnection } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HELLO_LINE } from './payloads.mjs';

/**
 * One one-shot report, as `atm hook` sends it: connect, write, half-close, and wait until the
 * server closes (atmd closes after it has applied the report). Resolves false on an error or
 * when the server does not close within `timeoutMs`.
 * @param {string} socketPath
 * @param {string} bytes envelope line + payload
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function sendOneShot(socketPath, bytes, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    const socket = createConnection({ path: socketPath, allowHalfOpen: true });
    const done = (/** @type {boolean} */ ok) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => socket.end(bytes));
    socket.on('data', () => undefined);
    socket.once('end', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * @typedef {object} LineSession a hello'd connection that reads lines
 * @property {import('node:net').Socket} socket
 * @property {(listener: (line: string, receivedAtMs: number) => void) => () => void} onLine
 *   `receivedAtMs` is performance.now() when the chunk holding the line arrived; returns the
 *   function that removes the listener
 * @property {() => void} close
 */

/**
 * Connects, says hello and waits for the welcome line.
 * @param {string} socketPath
 * @returns {Promise<LineSession>}
 */
export async function openSession(socketPath) {
  const socket = createConnection(socketPath);
  socket.setEncoding('utf8');
  socket.setNoDelay?.(true);
  /** @type {((line: string, receivedAtMs: number) => void)[]} */
  const listeners = [];
  let pending = '';
  socket.on('data', (/** @type {string} */ chunk) => {
    const receivedAtMs = performance.now();
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      for (const listener of [...listeners]) listener(line, receivedAtMs);
      newline = pending.indexOf('\n');
    }
  });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const welcome = new Promise((resolve, reject) => {
    listeners.push((line) => (line.includes('"welcome"') ? resolve(undefined) : undefined));
    socket.once('close', () => reject(new Error('the server closed the connection before welcome')));
  });
  socket.write(HELLO_LINE);
  await welcome;
  listeners.length = 0;
  const onLine = (/** @type {(line: string, receivedAtMs: number) => void} */ listener) => {
    listeners.push(listener);
    return () => {
      const index = listeners.indexOf(listener);
      if (index !== -1) listeners.splice(index, 1);
    };
  };
  return { socket, onLine, close: () => socket.destroy() };
}

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; resolves how many
 * returned false.
 * @param {number} count
 * @param {number} concurrency
 * @param {(index: number) => Promise<boolean>} task
 */
export async function runPool(count, concurrency, task) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      if (!(await task(index))) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return failed;
}

/**
 * Sends `count` request lines over one hello'd connection, keeping at most `window` unanswered,
 * and resolves once every one is answered: how many answers were errors. Lines written in one
 * turn are corked into one write, so the client costs the server as little as it can.
 * @param {LineSession} session
 * @param {number} count
 * @param {number} window
 * @param {(index: number) => string} lineFor
 * @returns {Promise<number>}
 */
export function pipelineRequests(session, count, window, lineFor) {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = 0;
    let errors = 0;
    const fill = () => {
      session.socket.cork();
      while (sent < count && sent - answered < window) session.socket.write(lineFor(sent++));
      session.socket.uncork();
    };
    const onClose = () => reject(new Error(`connection closed after ${answered} of ${count} answers`));
    const finish = () => {
      stop();
      session.socket.off('close', onClose);
      resolve(errors);
    };
    const stop = session.onLine((line) => {
      if (line.includes('"type":"error"')) errors += 1;
      else if (!line.includes('"type":"ingested"')) return;
      answered += 1;
      if (answered === count) finish();
      else fill();
    });
    session.socket.once('close', onClose);
    if (count === 0) finish();
    else fill();
  });
}

/**
 * The server's sessions (atmd's `list`), parsed.
 * @param {LineSession} session
 * @returns {Promise<{ id: string, cwd: string | null }[]>}
 */
export function listSessions(session) {
  return new Promise((resolve) => {
    const stop = session.onLine((line) => {
      if (!line.includes('"id":"bench-list"')) return;
      stop();
      resolve(JSON.parse(line).sessions);
    });
    session.socket.write(`${JSON.stringify({ type: 'list', id: 'bench-list' })}\n`);
  });
}
