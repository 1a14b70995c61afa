/**
 * A fake of the Bot Framework identity service on 127.0.0.1: the OpenID metadata document, its JWKS (the keys Bot
 * Connector signs with, each endorsed for the channels it may speak for), and RS256 tokens signed here with
 * node:crypto, shaped like the ones Bot Connector sends (issuer, audience = the bot's app id, `serviceurl`).
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
// botbuilder 4.23.3 pins this exact version; only its token cache is used, see `seedOutgoingToken`.
import { AppCredentials } from 'botframework-connector';

/** The issuer botbuilder expects on tokens from Bot Connector (AuthenticationConstants.ToBotFromChannelTokenIssuer). */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';
/** The scope the bot asks a token for to call Bot Connector (AuthenticationConstants.ToChannelFromBotOAuthScope). */
export const CONNECTOR_SCOPE = 'https://api.botframework.com';
/**
 * An issuer the Emulator uses (AuthenticationConstants.ToBotFromEmulator…): such tokens are checked against the
 * Emulator's metadata.
 */
export const EMULATOR_TOKEN_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  endorsements: string[];
}

export function signingKey(endorsements = ['msteams'], kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey, endorsements };
}

const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/**
 * A compact JWS. `alg` other than RS256 is only written into the header (to forge tokens), the signature stays RS256.
 */
export function signJwt(
  claims: Record<string, unknown>,
  key: SigningKey,
  header: Record<string, unknown> = {},
): string {
  const head = b64url({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header });
  const body = b64url(claims);
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key.privateKey))}`;
}

export interface FakeIdentity {
  /** The OpenID metadata URL (`ToBotFromChannelOpenIdMetadataUrl`). */
  metadataUrl: string;
  /** Keys published in the JWKS. */
  keys: SigningKey[];
  /** Paths requested, in order. */
  requests: string[];
  /**
   * A token as Bot Connector would send it to `appId` for `serviceUrl`; `claims` override or add (undefined removes).
   */
  channelToken(appId: string, serviceUrl: string, claims?: Record<string, unknown>, key?: SigningKey): string;
  close(): Promise<void>;
}

export async function startFakeIdentity(keys: SigningKey[] = [signingKey()]): Promise<FakeIdentity> {
  const requests: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: CHANNEL_TOKEN_ISSUER,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(
        JSON.stringify({
          keys: keys.map((k) => ({
            ...k.publicKey.export({ format: 'jwk' }),
            kid: k.kid,
            use: 'sig',
            endorsements: k.endorsements,
          })),
        }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    keys,
    requests,
    channelToken(appId, serviceUrl, claims = {}, key = keys[0]) {
      const now = Math.floor(Date.now() / 1000);
      const all: Record<string, unknown> = {
        iss: CHANNEL_TOKEN_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...claims,
      };
      for (const [k, v] of Object.entries(all)) if (v === undefined) delete all[k];
      return signJwt(all, key);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Public-cloud settings with every URL botbuilder would fetch moved to loopback. botbuilder takes them all or none
 * (one given = all meant), so all are listed. `ToChannelFromBotLoginUrl` points at a closed loopback port: MSAL is
 * never
 * meant to be reached (see `seedOutgoingToken`), and if it were, it fails there instead of calling Entra ID.
 */
export function loopbackAuthOptions(identity: FakeIdentity): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: identity.metadataUrl,
    ToBotFromChannelTokenIssuer: CHANNEL_TOKEN_ISSUER,
    ToChannelFromBotOAuthScope: CONNECTOR_SCOPE,
    ToChannelFromBotLoginUrl: 'https://127.0.0.1:9/botframework.com',
    OAuthUrl: 'https://127.0.0.1:9',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
}

/**
 * The token the bot sends to Bot Connector, put where botframework-connector keeps the tokens MSAL gave it. MSAL itself
 * cannot stay offline: it refuses http authorities, and for any authority it does not know (a loopback one included)
 * it first calls https://login.microsoftonline.com/common/discovery/instance; botframework-connector gives it no
 * `knownAuthorities`, `cloudDiscoveryMetadata` or `instanceDiscovery: false` to stop that.
 */
export function seedOutgoingToken(appId: string, accessToken: string): () => void {
  const cache = (AppCredentials as unknown as { cache: Map<string, { accessToken: string; expiresOn: Date }> }).cache;
  const key = `${appId}${CONNECTOR_SCOPE}-cache`;
  cache.set(key, { accessToken, expiresOn: new Date(Date.now() + 3600_000) });
  return () => void cache.delete(key);
}
