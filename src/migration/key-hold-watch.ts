/**
 * The failure watch's guard on key holds: where `watch here` posts failed backups, it also posts each recorded key
 * hold at risk (the Key Vault gone, purge protection or soft delete off, `enabledForDiskEncryption` off) — one card
 * per Key Vault per day, updated when what is at risk changes. It rides on the job tracker's tick like the failure
 * watch (a `VaultObserver` asking for no vault of its own) and looks at most hourly: one Key Vault list read.
 */
import type { AzurePort } from '../azure/port';
import { noticeCard } from '../cards/notice-card';
import type { Clock } from '../clock';
import type { Poster } from '../core/poster';
import { messages } from '../i18n';
import type { VaultObserver } from '../jobs/tracker';
import type { Logger } from '../log';
import { forgetStale, update, type StateStore } from '../state/store';
import { WATCH_KEY, type WatchConfig } from '../watch/alert';
import { holdRiskText, recordedHoldsAtRisk } from './hold-check';
import { listPlans } from './store';

const EVERY_MS = 3_600_000;

interface HoldAlert {
  keyVaultId: string;
  day: string;
  conversationId: string;
  activityId?: string;
  /** What the card says, to update it only when that changes. */
  shown: string;
}

const PREFIX = 'ade/hold-alert/';
const KEEP_DAYS = 7;
const alertKey = (keyVaultId: string, day: string) => `${PREFIX}${keyVaultId.split('/').pop()?.toLowerCase()}/${day}`;

export function createKeyHoldWatch(deps: {
  azure: AzurePort;
  store: StateStore;
  poster: Poster;
  clock: Clock;
  log: Logger;
}): VaultObserver {
  const { azure, store, poster, clock, log } = deps;
  let lastAt = Number.NEGATIVE_INFINITY;

  async function look(): Promise<void> {
    const watch = (await store.get<WatchConfig>(WATCH_KEY))?.value;
    if (!watch) return;
    const now = clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const m = messages(watch.locale);
    const cutoff = new Date(now - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
    await forgetStale(store, await store.list<HoldAlert>(PREFIX), (a) => a.day < cutoff);
    for (const hold of await recordedHoldsAtRisk(
      azure,
      (await listPlans(store)).map((p) => p.value),
      now,
    )) {
      const text = holdRiskText(m, hold);
      const key = alertKey(hold.keyVaultId, day);
      const existing = (await store.get<HoldAlert>(key))?.value;
      if (existing?.shown === text) continue;
      const card = noticeCard(m.ade.guard.alertTitle(hold.name), [text], { color: 'Attention' });
      const activityId = existing?.activityId
        ? (await poster.update(existing.conversationId, existing.activityId, { card }), existing.activityId)
        : await poster.send(watch.conversationId, { card });
      await update<HoldAlert>(store, key, () => ({
        keyVaultId: hold.keyVaultId,
        day,
        conversationId: existing?.conversationId ?? watch.conversationId,
        ...(activityId ? { activityId } : {}),
        shown: text,
      }));
      log.info('key hold at risk posted', { keyVault: hold.name, risks: hold.risks });
    }
  }

  return {
    async wanted() {
      const now = clock.now();
      if (now - lastAt >= EVERY_MS) {
        lastAt = now;
        await look().catch((error) => log.warn('key holds not checked; the next hour retries', { error }));
      }
      return { vaultIds: [], since: new Date(now) };
    },
    async seen() {
      // Nothing rides on the job lists: the key holds are looked at from `wanted`, at most hourly.
    },
  };
}
