import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ServiceManager } from '../../integrations/service-manager.js';
import { sanitizeTerminalText } from '../../shared/terminal-text.js';

const LOG_LINES = 5;
const mode = (bits: number): string => (bits & 0o777).toString(8).padStart(4, '0');

/** `atm service status`: one screen — the units, enablement, state, main pid, the socket, the last log lines. */
export async function renderServiceStatus(options: {
  manager: ServiceManager;
  files: readonly string[];
  socketPath: string;
  logDir: string;
}): Promise<string[]> {
  const { manager } = options;
  const lines = [`atm service: ${manager.label}`];
  const reason = await manager.unavailable();
  if (reason !== null) {
    lines.push(
      `  not available: ${reason}`,
      '  atm starts atmd by itself when needed (open `atm`, or `atm daemon start`)',
    );
  }
  const present = await Promise.all(
    options.files.map((file) =>
      stat(file).then(
        () => true,
        () => false,
      ),
    ),
  );
  options.files.forEach((file, i) => lines.push(`  ${present[i] === true ? 'installed' : 'missing  '} ${file}`));
  if (reason === null) for (const line of (await manager.state()).lines) lines.push(`  ${line}`);
  lines.push(`  socket    ${await describeSocket(options.socketPath)}`);
  lines.push(...(await lastLogLines(options.logDir)));
  return lines;
}

export async function describeSocket(path: string): Promise<string> {
  const file = await stat(path).catch(() => null);
  if (file === null) return `${path}: none`;
  const dir = await stat(dirname(path)).catch(() => null);
  const kind = file.isSocket() ? 'socket' : 'NOT A SOCKET';
  return `${path}: ${kind} ${mode(file.mode)}, directory ${dir === null ? '?' : mode(dir.mode)}`;
}

/** The newest atmd-*.log's last lines, as "time level message". */
async function lastLogLines(logDir: string): Promise<string[]> {
  const names = (await readdir(logDir).catch(() => [] as string[])).filter((n) => /^atmd-.*\.log$/.test(n)).sort();
  const newest = names.at(-1);
  if (newest === undefined) return [`  log       ${logDir}: no log yet`];
  const text = await readFile(join(logDir, newest), 'utf8').catch(() => '');
  const tail = text.trimEnd().split('\n').slice(-LOG_LINES);
  return [
    `  log       ${join(logDir, newest)}, last lines:`,
    ...tail.map((line) => `    ${sanitizeTerminalText(toLogLine(line))}`),
  ];
}

function toLogLine(line: string): string {
  try {
    const record = JSON.parse(line) as { timestamp?: string; level?: string; message?: string };
    return `${record.timestamp ?? ''} ${record.level ?? ''} ${record.message ?? ''}`.trim();
  } catch {
    return line;
  }
}
