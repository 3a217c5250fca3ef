/**
 * IP addresses and CIDR blocks. AWS compares addresses as fixed-width hex strings, so an IPv6 address written
 * in full matches the same address written compressed, and an IPv4 block never matches an IPv6 value.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-ip-matching
 */
import { PatternSyntaxError } from './errors';

/** An inclusive range of addresses of one family, as lower-case hex strings of equal length. */
export interface AddressRange {
  bottom: string;
  top: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function ipv4Bytes(text: string): number[] | undefined {
  return IPV4.test(text) ? text.split('.').map(Number) : undefined;
}

function ipv6Groups(text: string): number[] | undefined {
  let body = text;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) stands for the last two groups.
    const v4 = ipv4Bytes(body.slice(lastColon + 1));
    if (!v4) return undefined;
    const group = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    body = `${body.slice(0, lastColon + 1)}${group(v4[0], v4[1])}:${group(v4[2], v4[3])}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) return undefined;
  const explicit = head.length + rest.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
}

/** Hex form of an IPv4 or IPv6 literal, or undefined when the text is not one. */
export function ipToHex(text: string): string | undefined {
  const v4 = ipv4Bytes(text);
  if (v4) return v4.map((b) => b.toString(16).padStart(2, '0')).join('');
  if (!text.includes(':')) return undefined;
  const v6 = ipv6Groups(text);
  return v6?.map((g) => g.toString(16).padStart(4, '0')).join('');
}

/** Parses a CIDR block the way AWS validates it, with AWS's messages. */
export function parseCidr(text: string): AddressRange {
  const parts = text.split('/');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) throw new PatternSyntaxError("Malformed CIDR, one '/' required");
  if (!/^[+-]?\d+$/.test(parts[1]) || Math.abs(Number(parts[1])) > 2 ** 31 - 1) {
    throw new PatternSyntaxError('Malformed CIDR, mask bits must be an integer');
  }
  const maskBits = Number(parts[1]);
  if (maskBits < 0) throw new PatternSyntaxError('Malformed CIDR, mask bits must not be negative');
  const hex = ipToHex(parts[0]);
  if (hex === undefined) throw new PatternSyntaxError(`Nonstandard IP address: ${parts[0]}`);
  const totalBits = hex.length * 4;
  if (totalBits === 32 && maskBits > 31) throw new PatternSyntaxError('IPv4 mask bits must be < 32');
  if (totalBits === 128 && maskBits > 127) throw new PatternSyntaxError('IPv6 mask bits must be < 128');
  return { bottom: hex, top: fillHostBits(hex, totalBits - maskBits) };
}

/** AWS keeps the written address as the bottom of the block and sets the host bits for the top. */
function fillHostBits(hex: string, hostBits: number): string {
  const bits = BigInt('0x' + hex) | ((1n << BigInt(hostBits)) - 1n);
  return bits.toString(16).padStart(hex.length, '0');
}

export function inAddressRange(hex: string, range: AddressRange): boolean {
  return hex.length === range.bottom.length && hex >= range.bottom && hex <= range.top;
}
