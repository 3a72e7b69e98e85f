import 'server-only';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may go. With KAFKASCOPE_ALERTS_WEBHOOK_ALLOW, only to hosts it names (`host`,
 * `*.domain`, an IP, each with an optional `:port`); without it, to any host. Either way every address
 * a host resolves to must be public, unless the allow-list names that very host (or IP) without a
 * wildcard: an operator who writes `127.0.0.1` or `alerts.internal` means it. The check runs in the
 * socket's own lookup, so the address checked is the address connected to (no DNS rebinding between
 * a check and the request).
 */

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Loopback, private, link-local, shared, documentation, multicast or unspecified (IPv4-mapped too). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address (no port then). */
function parsePattern(pattern: string): { name: string; port: number | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(pattern);
  if (bracketed) return { name: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : null };
  if (isIP(pattern) === 6) return { name: pattern, port: null };
  const [name = '', port] = pattern.split(':');
  return { name, port: port ? Number(port) : null };
}

/** The pattern that lets `host:port` through, or null. */
export function allowedBy(patterns: string[], host: string, port: number): string | null {
  const h = bare(host);
  for (const pattern of patterns) {
    const p = parsePattern(pattern.toLowerCase());
    if (p.port !== null && p.port !== port) continue;
    const hit = p.name.startsWith('*.') ? h.endsWith(p.name.slice(1)) : h === p.name;
    if (hit) return pattern;
  }
  return null;
}

export class WebhookRefused extends Error {
  override name = 'WebhookRefused';
}

export interface Target {
  host: string;
  port: number;
}

export function targetOf(url: URL): Target {
  return { host: bare(url.hostname), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

/** Refuses a target the allow-list does not let through, before any lookup or request. */
export function checkTarget(allow: string[] | null, target: Target): { privateAllowed: boolean } {
  let privateAllowed = false;
  if (allow !== null) {
    const pattern = allowedBy(allow, target.host, target.port);
    if (!pattern)
      throw new WebhookRefused(
        `host ${target.host} is not in KAFKASCOPE_ALERTS_WEBHOOK_ALLOW; nothing was sent`,
      );
    privateAllowed = !pattern.includes('*');
  }
  // Sockets look up names only: an address in the URL is checked here.
  if (isIP(target.host) !== 0 && !privateAllowed && isPrivateAddress(target.host))
    throw new WebhookRefused(
      `${target.host} is a private or loopback address; allow it by name in KAFKASCOPE_ALERTS_WEBHOOK_ALLOW`,
    );
  return { privateAllowed };
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A socket lookup that refuses private addresses unless `privateAllowed`. */
export function guardedLookup(privateAllowed: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => isPrivateAddress(a.address));
      if (!privateAllowed && refused)
        return callback(
          new WebhookRefused(
            `host ${hostname} resolves to a private or loopback address; allow it by name in KAFKASCOPE_ALERTS_WEBHOOK_ALLOW`,
          ),
          [],
        );
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
