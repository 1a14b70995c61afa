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

export function adviceFor(m: Messages, code: string): Advice {
  const key = Object.keys(m.advice).find((k) => k.toLowerCase() === code.toLowerCase());
  const text = m.advice[key ?? 'default'];
  return { code, meaning: text.meaning, next: text.next, fix: FIXES[code.toLowerCase()] };
}

/** Codes with tailored advice (everything in the catalog but the default). */
export function catalogedCodes(m: Messages): string[] {
  return Object.keys(m.advice).filter((k) => k !== 'default').map((k) => k[0].toUpperCase() + k.slice(1));
}
