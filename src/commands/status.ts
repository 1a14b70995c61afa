/** `status <vm>`: protection, policy, last backup, latest recovery point and running jobs. Anyone may run it. */
import { resourceName } from '../azure/port';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';
import { noticeCard } from '../cards/notice-card';
import { formatTime } from '../i18n';
import { itemState, itemStateWords } from '../rules/protection-state';
import { vmKey } from '../core/vm';

const DAY = 86_400_000;

export const status: Command = {
  name: 'status',
  patterns: [
    /^(?:backup )?(?:status|state) (?:of |for )?(?<vm>\S+)$/i,
    /^(?<vm>\S+) (?:backup )?(?:status|state)$/i,
    /^(?<vm>[^\sの]+) ?の? ?(?:バックアップ)?(?:状態|ステータス|状況)(?:を)?(?:確認|表示|教えて)?(?:して)?$/,
    /^(?:状態|ステータス) (?<vm>\S+)$/,
  ],
  keywords: ['status', '状態', 'ステータス'],
  access: 'anyone',
  describe: (m) => ({ usage: m.backup.usage.status, description: m.backup.description.status }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'status', ctx.msg.backup.usage.status);
    if (!ref) return;
    const { azure, clock } = ctx.services;
    const b = ctx.msg.backup;
    const at = (d: Date) => formatTime(ctx.locale, d);
    const found = await azure.getBackupStatus(ref, new Date(clock.now() - DAY));
    if (!found) {
      await ctx.send({ card: noticeCard(b.statusTitle(ref.name), [b.notProtected(ref.name)], { color: 'Warning' }) });
      return;
    }
    const { protection, points } = found;
    const running = found.running.filter(
      (j) => j.status === 'InProgress' && j.entityFriendlyName.toLowerCase() === ref.name.toLowerCase(),
    );
    const latest = points[0];
    // Stopped, suspended and deleted items say so in words, a deleted one with the days soft delete still keeps it.
    const { state, hint } = itemStateWords(ctx.msg, protection, vmKey(ref), clock.now());
    const noPolicy =
      itemState(protection) === 'protected' ? ctx.msg.common.unknown : ctx.msg.lifecycle.statusState.noPolicy;
    const facts = [
      { title: b.protection, value: `${state} · ${resourceName(protection.vaultId)}` },
      { title: b.policy, value: protection.policyName ?? noPolicy },
      ...(protection.healthStatus ? [{ title: b.health, value: protection.healthStatus }] : []),
      {
        title: b.lastBackup,
        value: protection.lastBackupTime
          ? `${protection.lastBackupStatus ?? ''} · ${at(protection.lastBackupTime)}`
          : ctx.msg.common.never,
      },
      {
        title: b.latestPoint,
        value: latest
          ? `${at(latest.time)} · ${ctx.msg.common.consistency[latest.consistency] ?? latest.consistency} · ${latest.tiers.join(' + ')}`
          : ctx.msg.common.none,
      },
      {
        title: b.runningJobs,
        value: running.length
          ? running
              .map((j) => `${ctx.msg.common.operation[j.operation] ?? j.operation} (${at(j.startTime)})`)
              .join(', ')
          : b.noRunningJobs,
      },
    ];
    await ctx.send({ card: noticeCard(b.statusTitle(ref.name), hint ? [hint] : [], { facts }) });
  },
};
