/** Every command, in routing order; the same list renders `help` and is checked against the manifest's commandLists. */
import type { Command } from '../bot/types';
import { auditCommand } from './audit';
import { backup } from './backup';
import { check } from './check';
import { helpCommand } from './help';
import { grant } from './grant';
import { jobs } from './jobs';
import { protect } from './protect';
import { restore } from './restore';
import { status } from './status';
import { watch } from './watch';

export const commands: readonly Command[] = [helpCommand(() => commands), grant, backup, protect, restore, status, jobs, check, watch, auditCommand];
