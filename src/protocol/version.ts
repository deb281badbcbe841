/** MAJOR.MINOR. A MINOR adds optional fields or messages; a MAJOR changes or removes them. */
export const PROTOCOL_VERSION = '1.3';
export const PROTOCOL_MAJOR = 1;

export interface ParsedVersion {
  readonly major: number;
  readonly minor: number;
}

export function parseProtocolVersion(value: string): ParsedVersion | null {
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(value);
  if (match === null) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** A peer speaking the same MAJOR is understood; fields from a newer MINOR are ignored. */
export function isCompatibleVersion(value: string): boolean {
  return parseProtocolVersion(value)?.major === PROTOCOL_MAJOR;
}
