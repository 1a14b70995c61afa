/**
 * `watch here | watch off | watch status`: where failed backups are posted. Anyone may ask the status; operators change
 * it.
 */
import { isOperator } from '../core/roles';
import type { Command } from '../core/types';
import { noticeCard } from '../cards/notice-card';
import { resourceName } from '../azure/port';
import { formatTime } from '../i18n';
import { WATCH_KEY, type Alert, type WatchConfig } from '../watch/alert';
import { watchHere } from '../watch/watch-here';

export const watch: Command = {
  name: 'watch',
  patterns: [
    /^watch (?<mode>here|on|off|stop|status)$/i,
    /^(?<mode>ここで監視|監視オン|監視開始|監視オフ|監視停止|監視状況|監視ステータス)$/,
  ],
  keywords: ['watch', '監視'],
  access: 'anyone',
  describe: (m) => ({ usage: m.watch.usage, description: m.watch.description }),
  async handle(ctx, args) {
    const { store, config } = ctx.services;
    const w = ctx.msg.watch;
    const mode = (args.mode ?? '').toLowerCase();
    const vaults = config.recoveryVaultIds.map(resourceName).join(', ');
    if (!['status', '監視状況', '監視ステータス'].includes(mode)) {
      if (!isOperator(ctx.services, ctx.user.id)) return void (await ctx.send({ text: ctx.msg.access.operatorsOnly }));
      if (['off', 'stop', '監視オフ', '監視停止'].includes(mode)) {
        await store.delete(WATCH_KEY);
        return void (await ctx.send({ text: w.off }));
      }
      await watchHere(ctx);
      return void (await ctx.send({ text: w.on(vaults) }));
    }
    const current = (await store.get<WatchConfig>(WATCH_KEY))?.value;
    const open = (await store.list<Alert>('alert/')).map((a) => a.value).filter((a) => a.status === 'open');
    const where = !current ? w.nowhere : current.conversationId === ctx.conversation.channelId ? w.here : w.elsewhere;
    const facts = [
      { title: w.watching, value: current ? vaults : ctx.msg.common.none },
      { title: w.alertsTo, value: where },
      ...(current
        ? [{ title: w.setBy, value: `${current.setBy.name} · ${formatTime(ctx.locale, new Date(current.setAt))}` }]
        : []),
    ];
    const lines = open.map((a) =>
      w.openLine(a.vmKey ?? a.vmName, a.error.code || '—', a.count, formatTime(ctx.locale, new Date(a.lastAt))),
    );
    await ctx.send({
      card: noticeCard(w.statusTitle, [`**${w.openTitle}**`, ...(lines.length ? lines : [w.noOpen])], { facts }),
    });
  },
};
