/**
 * How the shim reaches atmd. `nc` (OpenBSD netcat, which has `-U` and `-N`) and `socat` are
 * small C programs that start in about a millisecond; `node` runs `atm hook`, which costs tens
 * of milliseconds of CPU per event and is the fallback when neither is installed.
 */
export const TRANSPORT_KINDS = ['nc', 'socat', 'node'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

export type Transport =
  | { readonly kind: 'nc'; readonly path: string }
  | { readonly kind: 'socat'; readonly path: string }
  | { readonly kind: 'node' };

export const isTransportKind = (value: string): value is TransportKind =>
  (TRANSPORT_KINDS as readonly string[]).includes(value);

/** One line for humans: "nc (/usr/bin/nc)". */
export const describeTransport = (transport: Transport): string =>
  transport.kind === 'node'
    ? 'node (`atm hook`; install netcat-openbsd or socat for a cheaper hook)'
    : `${transport.kind} (${transport.path})`;
