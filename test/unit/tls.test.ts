/** The simulator's loopback certificate, encoded by hand (src/simulator/tls.ts): what OpenSSL and clients accept. */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createLoopbackCert } from '../../src/simulator/tls';

const DAY = 86_400_000;

describe('loopback certificate', () => {
  it('is a self-signed P-256 CA certificate for 127.0.0.1 and localhost, valid for 30 days, matching its key', () => {
    const now = new Date('2026-11-29T09:00:00Z');
    const { key, cert } = createLoopbackCert(now);
    const x = new X509Certificate(cert);
    expect(x.subject).toBe('CN=127.0.0.1');
    expect(x.issuer).toBe('CN=127.0.0.1');
    expect(x.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(x.ca).toBe(true);
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // Node names the extended key usage so: serverAuth
    expect(x.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(Date.parse(x.validFrom)).toBe(now.getTime() - 3_600_000);
    expect(Date.parse(x.validTo)).toBe(now.getTime() + 30 * DAY);
  });

  it('writes dates from 2050 as GeneralizedTime', () => {
    const now = new Date('2049-12-20T00:00:00Z');
    const x = new X509Certificate(createLoopbackCert(now).cert);
    expect(Date.parse(x.validTo)).toBe(now.getTime() + 30 * DAY);
  });

  it('gives every certificate its own key and serial number', () => {
    const a = new X509Certificate(createLoopbackCert().cert);
    const b = new X509Certificate(createLoopbackCert().cert);
    expect(a.serialNumber).not.toBe(b.serialNumber);
    expect(a.fingerprint256).not.toBe(b.fingerprint256);
  });

  it('serves HTTPS that a client trusting only this certificate accepts, by IP and by name', async () => {
    const { key, cert } = createLoopbackCert();
    const server = https.createServer({ key, cert }, (_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const get = (name: string) =>
      new Promise<string>((resolve, reject) => {
        https
          // Connect to 127.0.0.1 either way (localhost may resolve to ::1); check the certificate for `name`.
          .get(
            {
              host: '127.0.0.1',
              servername: name === '127.0.0.1' ? undefined : name,
              port,
              path: '/',
              ca: cert,
              agent: false,
            },
            (res) => {
              let body = '';
              res.on('data', (c) => (body += c));
              res.on('end', () => resolve(body));
            },
          )
          .on('error', reject);
      });
    try {
      expect(await get('127.0.0.1')).toBe('ok');
      expect(await get('localhost')).toBe('ok');
      await expect(get('example.com')).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    } finally {
      server.close();
    }
  });
});
