/** `jobs [<vm>]`: backup and restore jobs of the last 24 hours across the configured vaults. Anyone may run it. */
import type { BackupJob } from '../azure/port';
import { resourceName } from '../azure/port';
import { parseVmQuery } from '../core/vm';
import type { Command } from '../core/types';
import { noticeCard } from '../cards/notice-card';
import { isAzureError } from '../errors';
import { formatTime } from '../i18n';

const DAY = 86_400_000;
const SHOWN = 25;

export const jobs: Command = {
  name: 'jobs',
  patterns: [
    /^(?:jobs|job list|list jobs)(?: (?:of |for )?(?<vm>\S+))?$/i,
    /^(?<vm>\S+) jobs$/i,
    /^(?:(?<vm>[^\sの]+) ?の)?ジョブ(?:一覧)?$/,
    /^ジョブ(?:一覧)? (?<vm>\S+)$/,
  ],
  keywords: ['jobs', 'ジョブ'],
  access: 'anyone',
  describe: (m) => ({ usage: m.backup.usage.jobs, description: m.backup.description.jobs }),
  async handle(ctx, args) {
    const { azure, clock, config } = ctx.services;
    const b = ctx.msg.backup;
    const query = args.vm ? parseVmQuery(args.vm) : undefined;
    if (args.vm && !query) {
      await ctx.send({ text: ctx.msg.vmLookup.invalidName(args.vm.slice(0, 80)) });
      return;
    }
    const since = new Date(clock.now() - DAY);
    const results = await Promise.allSettled(config.recoveryVaultIds.map((id) => azure.listJobs(id, since)));
    const lines: string[] = [];
    const found: BackupJob[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') found.push(...r.value);
      else
        lines.push(
          `⚠️ ${resourceName(config.recoveryVaultIds[i])}: ${isAzureError(r.reason) ? r.reason.code : 'Error'}`,
        );
    });
    const mine = found
      .filter((j) => !query || j.entityFriendlyName.toLowerCase() === query.name.toLowerCase())
      .sort((x, y) => y.startTime.getTime() - x.startTime.getTime())
      .slice(0, SHOWN);
    // The job list carries no error details: read them for the failed jobs shown, and only those.
    const codes = await Promise.all(
      mine.map((j) =>
        j.status === 'Failed' || j.status === 'CompletedWithWarnings'
          ? azure.getJob(j.vaultId, j.jobId).then(
              (d) => d.errors[0]?.code ?? '',
              () => '',
            )
          : Promise.resolve(''),
      ),
    );
    mine.forEach((j, i) =>
      lines.push(
        b.jobLine(
          j.entityFriendlyName,
          ctx.msg.common.operation[j.operation] ?? j.operation,
          ctx.msg.common.jobStatus[j.status] ?? j.status,
          formatTime(ctx.locale, j.startTime),
          j.durationMs !== undefined && j.status !== 'InProgress' ? ctx.msg.common.duration(j.durationMs) : '',
          codes[i],
        ),
      ),
    );
    if (mine.length === 0) lines.push(b.noJobs);
    await ctx.send({ card: noticeCard(b.jobsTitle(query ? query.name : ''), lines) });
  },
};
