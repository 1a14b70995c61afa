/**
 * The loopback certificate: self-signed for IP 127.0.0.1 and DNS localhost, generated once per process (clients
 * trust it through `tlsOptions.ca` or NODE_EXTRA_CA_CERTS).
 *
 * Why not a library: an RSA key generated in JavaScript (node-forge, behind `selfsigned`) took 0.6–1.5 s of every
 * start of the bot on the simulator, most of its cold start. node:crypto makes a P-256 key and signs natively in about
 * a millisecond, but cannot build a certificate, so the few DER structures of an X.509 v3 certificate are encoded here
 * (RFC 5280 §4.1; ECDSA with SHA-256, RFC 5758 §3.2).
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface LoopbackCert {
  key: string;
  cert: string;
}

const VALID_DAYS = 30;

/** DER length: short form below 128, else the count of big-endian length bytes, then those bytes. */
function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, content: Buffer) => tlv(0xa0 + n, content);
const octets = (content: Buffer) => tlv(0x04, content);
const bits = (content: Buffer, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), content]));
const TRUE = tlv(0x01, Buffer.from([0xff]));

/** A non-negative INTEGER: no redundant leading zeros, and a zero byte in front of a set high bit. */
function integer(value: Buffer): Buffer {
  let i = 0;
  while (i < value.length - 1 && value[i] === 0) i++;
  const trimmed = value.subarray(i);
  return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const out = [40 * a + b];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) base128.unshift(0x80 | (v & 0x7f));
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii'))
    : tlv(0x18, Buffer.from(iso, 'ascii'));
}

const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [TRUE] : []), octets(value));

export function createLoopbackCert(now = new Date()): LoopbackCert {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from('127.0.0.1', 'utf8'))))); // CN=127.0.0.1
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01; // positive, and 16 bytes long
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ecdsaWithSha256,
    name,
    seq(time(new Date(now.getTime() - 3_600_000)), time(new Date(now.getTime() + VALID_DAYS * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq(TRUE)), // basicConstraints: cA (clients trust it as its own root)
        extension('2.5.29.15', true, bits(Buffer.from([0x84]), 2)), // keyUsage: digitalSignature, keyCertSign
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
        extension(
          '2.5.29.17',
          false,
          seq(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost', 'ascii'))),
        ), // subjectAltName
      ),
    ),
  );
  const certificate = seq(tbs, ecdsaWithSha256, bits(sign('sha256', tbs, privateKey)));
  const base64 = certificate.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
  };
}

let cached: LoopbackCert | undefined;

export function loopbackCert(): LoopbackCert {
  cached ??= createLoopbackCert();
  return cached;
}
