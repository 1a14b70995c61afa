/**
 * The failure watch's durable records: where alerts go (`watch/config`), and one alert per failed VM per day
 * (`alert/<vault>/<vm>/<day>`), with the job ids already counted so a restart re-posts nothing.
 */
import type { User } from '../core/types';
import type { Locale } from '../i18n';

export interface WatchConfig {
  conversationId: string;
  locale: Locale;
  setBy: User;
  setAt: number;
}

export interface Alert {
  vmName: string;
  /** `resourceGroup/name`, when the VM could be found. */
  vmKey?: string;
  vaultId: string;
  day: string;
  kind: 'failed' | 'warning';
  status: 'open' | 'resolved';
  jobIds: string[];
  count: number;
  lastAt: number;
  error: { code: string; message: string };
  policyName?: string;
  scheduled: boolean;
  conversationId: string;
  locale: Locale;
  activityId?: string;
  resolvedAt?: number;
}

export const WATCH_KEY = 'watch/config';

export function alertKey(vaultId: string, vmName: string, day: string): string {
  return `alert/${(vaultId.split('/').pop() ?? vaultId).toLowerCase()}/${vmName.toLowerCase()}/${day}`;
}
