/** The bot installed in a team channel: that channel becomes the alert channel, unless one is set already. */
import { resourceName } from '../azure/port';
import type { EventHandler } from '../core/types';
import { watchHere } from '../watch/watch-here';

export const installedInChannel: EventHandler = {
  event: 'installedInChannel',
  async handle(ctx) {
    if (await watchHere(ctx, true))
      await ctx.send({ text: ctx.msg.watch.on(ctx.services.config.recoveryVaultIds.map(resourceName).join(', ')) });
  },
};
