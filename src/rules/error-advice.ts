/**
 * The error advice catalog: one place that maps an Azure Backup error code to what it means, what to do, and the
 * card button that fixes it where one exists. Codes are matched case-insensitively (Azure writes both
 * `UserErrorKeyVaultPermissionsNotConfigured` and `UserErrorKeyvaultPermissionsNotConfigured`).
 */
import type { Messages } from '../i18n';

/** A fix the bot can start from a button. */
export type Fix = 'requestKeyVaultAccess' | 'backupAgain';

const FIXES: Record<string, Fix> = {
  usererrorkeyvaultpermissionsnotconfigured: 'requestKeyVaultAccess',
};

export interface Advice {
  code: string;
  meaning: string;
  next: string;
  fix?: Fix;
}

/** The tailored advice for an Azure Backup code, or `undefined` when the catalog has none. */
export function catalogAdvice(m: Messages, code: string): Advice | undefined {
  const key = Object.keys(m.advice).find((k) => k !== 'default' && k.toLowerCase() === code.toLowerCase());
  return key
    ? { code, meaning: m.advice[key].meaning, next: m.advice[key].next, fix: FIXES[code.toLowerCase()] }
    : undefined;
}

/** The advice for a code, falling back to the general next step. */
export function adviceFor(m: Messages, code: string): Advice {
  return catalogAdvice(m, code) ?? { code, ...m.advice.default };
}

/** Codes with tailored advice (everything in the catalog but the default). */
export function catalogedCodes(m: Messages): string[] {
  return Object.keys(m.advice)
    .filter((k) => k !== 'default')
    .map((k) => k[0].toUpperCase() + k.slice(1));
}
