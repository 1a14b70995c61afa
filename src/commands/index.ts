/** Every command, in routing order; the same list renders `help` and is checked against the manifest's commandLists. */
import type { Command } from '../core/types';
import { adePlan } from './ade-plan';
import { adeProtectNew } from './ade-protect-new';
import { adeReport } from './ade-report';
import { auditCommand } from './audit';
import { backup } from './backup';
import { check } from './check';
import { deleteBackupData } from './delete-backup-data';
import { deletedBackups } from './deleted-backups';
import { helpCommand } from './help';
import { grant } from './grant';
import { jobs } from './jobs';
import { protect } from './protect';
import { restore } from './restore';
import { resumeBackup } from './resume-backup';
import { status } from './status';
import { stopBackup } from './stop-backup';
import { undelete } from './undelete';
import { watch } from './watch';

// `watch` before `status`: status's Japanese pattern "<vm>状況" would otherwise take 監視状況 (watch status) as a VM named
// 監視.
export const commands: readonly Command[] = [
  helpCommand(() => commands),
  grant,
  backup,
  protect,
  restore,
  watch,
  status,
  jobs,
  check,
  auditCommand,
  adeReport,
  adeProtectNew,
  adePlan,
  stopBackup,
  deleteBackupData,
  resumeBackup,
  undelete,
  deletedBackups,
];
