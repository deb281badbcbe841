/**
 * The baseline: the least a Node Unix-socket server can do for the same traffic, run as its own
 * process like atmd, so "atmd ÷ baseline" shows what atm's logic adds on top of the transport.
 * It splits lines and answers just enough for the bench clients to know it got them:
 * - hello → a welcome line; subscribe → an empty snapshot, then every report is relayed as is;
 * - ingest → a fixed `ingested` line, and the line is relayed to subscribers;
 * - a one-shot envelope is ignored, its payload lines relayed; EOF → close.
 * No parsing, no validation, no state, no coalescing. Usage: node baseline-server.mjs <socket>
 */
import { createServer } from 'node:net';

const socketPath = process.argv[2];
if (socketPath === undefined) throw new Error('usage: baseline-server.mjs <socket path>');

const WELCOME = '{"type":"welcome","protocolVersion":"1.0","daemonVersion":"baseline","pid":0}\n';
const SNAPSHOT = '{"type":"snapshot","sessions":[]}\n';
const INGESTED = '{"type":"ingested","statusLine":null}\n';
/** @type {Set<import('node:net').Socket>} */
const subscribers = new Set();

const relay = (/** @type {string} */ line) => {
  for (const subscriber of subscribers) subscriber.write(`${line}\n`);
};

const server = createServer({ allowHalfOpen: true }, (socket) => {
  let pending = '';
  const onLine = (/** @type {string} */ line) => {
    if (line.startsWith('{"type":"hello"')) socket.write(WELCOME);
    else if (line.startsWith('{"type":"subscribe"')) {
      subscribers.add(socket);
      socket.write(SNAPSHOT);
    } else if (line.startsWith('{"type":"ingest"')) {
      socket.write(INGESTED);
      relay(line);
    } else if (!line.startsWith('{"atm"') && line.length > 0) relay(line);
  };
  socket.setEncoding('utf8');
  socket.on('data', (/** @type {string} */ chunk) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      onLine(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  });
  socket.on('end', () => {
    if (pending.length > 0) onLine(pending);
    socket.end();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => subscribers.delete(socket));
});

server.listen(socketPath);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
