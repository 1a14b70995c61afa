/**
 * Proof that a test stays on loopback: while installed, every outgoing TCP/TLS connection (node http/https,
 * node-fetch, undici `fetch`, MSAL) to anything but 127.0.0.1 / ::1 / localhost is refused and recorded.
 */
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export interface NetworkGuard {
  /** `host:port` of every refused connection attempt. */
  refused: string[];
  restore(): void;
}

function target(args: unknown[]): { host?: string; port?: unknown; path?: string } {
  // `net.connect` hands Socket#connect its normalised arguments as one array: [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') {
    const o = first as { host?: string; port?: unknown; path?: string };
    return { host: o.host ?? 'localhost', port: o.port, path: o.path };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  return { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' };
}

export function guardNetwork(): NetworkGuard {
  // Kept to be called on the socket (original.apply(this, …)) and put back: unbound on purpose.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = net.Socket.prototype.connect;
  const refused: string[] = [];
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const { host, port, path } = target(args);
    if (!path && !LOOPBACK.has(String(host).replace(/^\[|\]$/g, ''))) {
      refused.push(`${host}:${String(port)}`);
      process.nextTick(() => this.destroy(new Error(`network guard: ${host}:${String(port)} is not loopback`)));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  return { refused, restore: () => void (net.Socket.prototype.connect = original) };
}
