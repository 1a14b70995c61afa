/**
 * Structured logs (one JSON object per line) with bindings such as the activity and conversation id of the turn.
 * Values that look like secrets are masked before anything is written: tokens and passwords never reach the logs.
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

const SECRET_KEYS = /pass(word)?|secret|token|authorization|connection_?string|sig|key$/i;
const SECRET_VALUES: [RegExp, string][] = [
  [/Bearer\s+[\w.~+/-]+=*/gi, 'Bearer ***'],
  [/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '***'],
  [/(AccountKey|SharedAccessSignature|sig|client_secret|password)=[^;&\s"]+/gi, '$1=***'],
];

/**
 * Configured secret values, masked wherever they appear: no pattern above knows every shape an SDK's error text takes.
 */
const knownSecrets = new Set<string>();

/** Registers secret values (the app password, a storage account key) to be masked in every log line from now on. */
export function maskSecretValues(values: (string | undefined)[]): void {
  for (const value of values) if (value && value.length >= 8) knownSecrets.add(value);
}

/** The account key and SAS token of a storage connection string, for `maskSecretValues`. */
export function connectionStringSecrets(connectionString: string | undefined): string[] {
  return [...(connectionString ?? '').matchAll(/(?:^|;)\s*(?:AccountKey|SharedAccessSignature)=([^;]+)/gi)].map((m) =>
    m[1].trim(),
  );
}

function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    let masked = value;
    for (const secret of knownSecrets) masked = masked.split(secret).join('***');
    return SECRET_VALUES.reduce((s, [re, mask]) => s.replace(re, mask), masked);
  }
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return {
      name: value.name,
      message: redact(value.message),
      code: (value as { code?: unknown }).code,
      stack: redact(value.stack),
    };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_KEYS.test(k) && typeof v === 'string' ? '***' : redact(v, depth + 1),
    ]),
  );
}

export type LogSink = (line: string) => void;

export function createLogger(
  sink: LogSink = (line) => process.stdout.write(line + '\n'),
  bindings: Record<string, unknown> = {},
): Logger {
  const write = (level: string, msg: string, fields: Record<string, unknown> = {}) =>
    sink(JSON.stringify(redact({ time: new Date().toISOString(), level, msg, ...bindings, ...fields })));
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => createLogger(sink, { ...bindings, ...more }),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, child: () => silentLogger };
