/** Every card action, one per verb. */
import type { Dispatcher } from '../core/dispatch';
import type { CardAction } from '../core/types';
import { commands } from '../commands';
import { backupConfirm } from './backup-confirm';
import { grantApprove, grantReject } from './grant-decide';
import { grantStart } from './grant-start';
import { grantSubmit } from './grant-submit';
import { protectConfirm } from './protect-confirm';
import { restoreConfirm } from './restore-confirm';
import { restoreReview } from './restore-review';
import { adePage } from './ade-page';
import { cancelPending } from './cancel-pending';
import { changeConfirm } from './change-confirm';
import { changeApprove, changeReject } from './change-decide';
import { changeSubmit } from './change-submit';
import { runCommandAction, type RunCommand } from './run-command';
import { Verbs } from './verbs';

export function createActions(dispatcher: () => Dispatcher): readonly CardAction<unknown>[] {
  const all = () => commands;
  const run: RunCommand = (ctx, command, args) => dispatcher().runCommand(ctx, command, args);
  return [
    runCommandAction(Verbs.chooseVm, all, run),
    runCommandAction(Verbs.backupStart, all, run, 'backup'),
    runCommandAction(Verbs.protectStart, all, run, 'protect'),
    backupConfirm,
    cancelPending(Verbs.backupCancel, 'backup', (m, who) => m.backup.cancelled(who)),
    grantStart,
    grantSubmit,
    grantApprove,
    grantReject,
    protectConfirm,
    cancelPending(Verbs.protectCancel, 'protect', (m, who) => m.protect.cancelled(who)),
    restoreReview,
    restoreConfirm,
    cancelPending(Verbs.restoreCancel, 'restore', (m, who) => m.restore.cancelled(who)),
    adePage,
    changeSubmit,
    changeConfirm,
    changeApprove,
    changeReject,
  ];
}
