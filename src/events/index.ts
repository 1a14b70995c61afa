/** Every conversation event handler, as commands and card actions are listed: what the bot does when nobody asked. */
import type { EventHandler } from '../core/types';
import { installedInChannel } from './installed-in-channel';

export const events: readonly EventHandler[] = [installedInChannel];
