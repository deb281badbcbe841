/**
 * Where the session bus is, as dbus-next can reach it. Pure: the caller passes the environment.
 *
 * `DBUS_SESSION_BUS_ADDRESS`, else `unix:path=$XDG_RUNTIME_DIR/bus` (dbus-next would otherwise
 * look for an X11 machine-id file). dbus-next throws on `unix:abstract=` (it wants the optional
 * `usocket` module), and node:net cannot stand in: Node 20 pads an abstract name with NULs to
 * the full sun_path (checked with `ss -xl`), so it never matches the bus's name. An abstract-only
 * address therefore falls back to `$XDG_RUNTIME_DIR/bus` (systemd's user bus, often there too)
 * and says so in `note`. Values are %-unescaped as the spec says; a path dbus-next's naive
 * `,`/`=` splitting would cut is refused instead of misread.
 */
export type BusAddress =
  | { readonly ok: true; readonly address: string; readonly note?: string }
  | { readonly ok: false; readonly reason: string };

export function resolveSessionBusAddress(env: Readonly<Record<string, string | undefined>>): BusAddress {
  const given = env.DBUS_SESSION_BUS_ADDRESS?.trim() ?? '';
  const fromEnv = given === '' ? null : toDbusNextAddress(given);
  if (fromEnv?.ok === true) return fromEnv;
  const runtime = env.XDG_RUNTIME_DIR ?? '';
  if (!runtime.startsWith('/'))
    return fromEnv ?? { ok: false, reason: 'neither DBUS_SESSION_BUS_ADDRESS nor XDG_RUNTIME_DIR is set' };
  const fallback = toDbusNextAddress(`unix:path=${runtime.replace(/\/$/, '')}/bus`);
  if (fromEnv === null || !fallback.ok) return fallback;
  return { ...fallback, note: `DBUS_SESSION_BUS_ADDRESS: ${fromEnv.reason}; trying ${runtime}/bus instead` };
}

/** The first usable entry of a `;`-separated D-Bus address list, in a form dbus-next parses. */
export function toDbusNextAddress(address: string): BusAddress {
  const problems: string[] = [];
  for (const entry of address.split(';')) {
    if (entry.trim() === '') continue;
    const parsed = parseEntry(entry.trim());
    if (parsed.ok) return parsed;
    problems.push(parsed.reason);
  }
  return { ok: false, reason: problems.join('; ') || `empty bus address "${address}"` };
}

function parseEntry(entry: string): BusAddress {
  const colon = entry.indexOf(':');
  const family = colon === -1 ? entry : entry.slice(0, colon);
  const params = new Map<string, string>();
  for (const pair of (colon === -1 ? '' : entry.slice(colon + 1)).split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) params.set(pair.slice(0, eq), unescape(pair.slice(eq + 1)));
  }
  if (family === 'tcp') return { ok: true, address: entry };
  if (family !== 'unix') return { ok: false, reason: `unsupported bus transport "${family}" in "${entry}"` };
  const path = params.get('path');
  if (path === undefined && params.has('abstract'))
    return { ok: false, reason: `"${entry}" is an abstract socket, which Node cannot connect to` };
  if (path === undefined) return { ok: false, reason: `no path in "${entry}"` };
  if (/[,=;]/.test(path)) return { ok: false, reason: `bus socket path "${path}" holds , = or ;` };
  return { ok: true, address: `unix:socket=${path}` };
}

function unescape(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
