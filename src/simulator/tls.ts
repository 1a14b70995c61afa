/**
 * The loopback certificate: self-signed for IP 127.0.0.1 and DNS localhost, generated once per process (clients
 * trust it through `tlsOptions.ca` or NODE_EXTRA_CA_CERTS).
 */
import selfsigned from 'selfsigned';

export interface LoopbackCert {
  key: string;
  cert: string;
}

let cached: LoopbackCert | undefined;

export function loopbackCert(): LoopbackCert {
  if (!cached) {
    const pems = selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
      days: 30,
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    });
    cached = { key: pems.private, cert: pems.cert };
  }
  return cached;
}
