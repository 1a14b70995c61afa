/** Every command, in routing order; the same list renders `help` and is checked against the manifest's commandLists. */
import type { Command } from '../bot/types';
import { check } from './check';
import { helpCommand } from './help';

export const commands: readonly Command[] = [helpCommand(() => commands), check];
