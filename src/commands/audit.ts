/**
 * `audit`: recent critical operation requests (Key Vault access, a VM backup's stop, delete, resume, undelete) and
 * their decisions. Approvers only.
 */
import { recentAudit } from '../approvals/audit';
import { resourceName } from '../azure/port';
import type { Command } from '../core/types';
import { noticeCard } from '../cards/notice-card';
import { formatTime } from '../i18n';

export const auditCommand: Command = {
  name: 'audit',
  patterns: [/^(?:audit|audit log)$/i, /^(?:監査ログ|監査|承認履歴)$/],
  keywords: ['audit', '監査'],
  access: 'approver',
  describe: (m) => ({ usage: m.approval.usage.audit, description: m.approval.description.audit }),
  async handle(ctx) {
    const t = ctx.msg.approval;
    const entries = await recentAudit(ctx.services.store);
    const lines = entries.map((e) =>
      t.auditLine(
        formatTime(ctx.locale, new Date(e.at)),
        t.auditEvents[e.event] ?? e.event,
        e.by.name,
        `${resourceName(e.target)} (${t.auditKinds[e.kind] ?? e.kind})`,
        [e.detail, e.requestId && ctx.msg.errors.requestId(e.requestId)].filter(Boolean).join(' · '),
      ),
    );
    await ctx.send({ card: noticeCard(t.auditTitle, lines.length ? lines : [t.auditEmpty]) });
  },
};
