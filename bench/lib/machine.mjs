import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Taken when the bench starts, before its own load moves it. */
const LOAD_AT_START = os.loadavg();

/** Reads a small text file, or null when it is not there (macOS has no /proc). */
function readText(/** @type {string} */ path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The CPU model as /proc/cpuinfo names it (what the docs quote), else what Node reports. */
function cpuModel() {
  const match = /^model name\s*:\s*(.+)$/m.exec(readText('/proc/cpuinfo') ?? '');
  return match?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
}

function osName() {
  const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readText('/etc/os-release') ?? '');
  return `${match?.[1] ?? os.type()}, kernel ${os.release()}`;
}

/**
 * One line describing where the numbers came from: cores, CPU, RAM, Node, OS, and the load
 * average when the bench started (the machine may be shared, which moves every number).
 * @returns {string}
 */
export function describeMachine() {
  const ramGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  const load = LOAD_AT_START.map((value) => value.toFixed(1)).join(' ');
  return `nproc ${os.availableParallelism()} · ${cpuModel()} · ${ramGiB} GiB RAM · Node ${process.version} · ${osName()} · load average at start ${load}`;
}
