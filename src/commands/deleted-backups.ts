/**
 * `deleted backups`: the configured vaults' soft-deleted VM backups, soonest purge first, with days left. Anyone may
 * run it.
 */
import { resourceName } from '../azure/port';
import { noticeCard } from '../cards/notice-card';
import type { Command } from '../core/types';
import { daysUntil } from '../rules/vault-guards';

export const deletedBackups: Command = {
  name: 'deleted-backups',
  patterns: [
    /^(?:list )?(?:soft[- ]?)?deleted backups?$/i,
    /^(?:削除済み|論理削除された|削除された)(?:の)? ?バックアップ(?:一覧)?$/,
  ],
  keywords: ['deleted', '削除済み'],
  access: 'anyone',
  describe: (m) => ({ usage: m.lifecycle.usage.deleted, description: m.lifecycle.description.deleted }),
  async handle(ctx) {
    const { azure, config, clock } = ctx.services;
    const t = ctx.msg.lifecycle.deleted;
    const now = clock.now();
    const lists = await Promise.all(config.recoveryVaultIds.map((id) => azure.listSoftDeleted(id)));
    const items = lists.flat().sort((a, b) => a.purgeAt.getTime() - b.purgeAt.getTime());
    const vmOf = (id: string, name: string) => {
      const rg = /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1];
      return rg ? `${rg}/${name}` : name;
    };
    const lines = items.map((i) =>
      t.line(vmOf(i.vmId, i.vmName), resourceName(i.vaultId), daysUntil(i.purgeAt, now), i.purgeAt.toISOString()),
    );
    await ctx.send({ card: noticeCard(t.title, lines.length ? lines : [t.none]) });
  },
};
