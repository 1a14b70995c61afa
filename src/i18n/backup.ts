/** Strings for backup now, status and jobs, in both languages side by side (`backupJa` must match `backupEn`). */
export const backupEn = {
  usage: { backup: 'backup <vm> now [keep <N> days | until <YYYY-MM-DD>]', status: 'status <vm>', jobs: 'jobs [<vm>]' },
  description: {
    backup: 'Back up a VM now, with a confirmation card; its job is followed in the thread.',
    status: 'Protection, policy, last backup, latest recovery point and running jobs of a VM.',
    jobs: 'Backup and restore jobs of the last 24 hours (optionally for one VM).',
  },
  confirmTitle: (vm: string) => `Back up ${vm} now?`,
  blockedTitle: (vm: string) => `${vm} cannot be backed up yet`,
  policy: 'Policy',
  lastBackup: 'Last backup',
  retainLabel: 'Keep this recovery point until',
  retainHint: 'Default: 30 days from today, as in Azure.',
  confirmButton: 'Back up now',
  wouldFailKv: (vault: string) =>
    `A backup now would fail with **UserErrorKeyVaultPermissionsNotConfigured**: Azure Backup cannot read Key Vault **${vault}**. Request access first (an approver must approve it), then back up.`,
  notProtected: (vm: string) =>
    `**${vm}** is not protected yet, so it cannot be backed up on demand. Protect it first.`,
  agentWarning:
    '⚠️ The VM agent is not ready: this backup will probably fail with UserErrorGuestAgentStatusUnavailable.',
  startingTitle: (vm: string) => `Backup of ${vm} is starting`,
  starting: (who: string, until: string) =>
    `Requested by ${who}; the recovery point is kept until ${until}. The job card follows in this thread.`,
  cancelled: (who: string) => `Cancelled by ${who}. Nothing was changed in Azure.`,
  invalidDate: (max: string) =>
    `The keep-until date must be a day after today and no later than ${max}, written YYYY-MM-DD. Nothing was started.`,
  triggerFailed: (vm: string, reason: string) => `❌ The backup of **${vm}** could not be started. ${reason}`,
  statusTitle: (vm: string) => `Backup status of ${vm}`,
  protection: 'Protection',
  health: 'Health',
  latestPoint: 'Latest recovery point',
  runningJobs: 'Running jobs',
  noRunningJobs: 'none',
  jobsTitle: (scope: string) => `Jobs in the last 24 hours${scope ? ` for ${scope}` : ''}`,
  noJobs: 'No backup or restore jobs in the last 24 hours.',
  jobLine: (vm: string, op: string, status: string, when: string, took: string, code: string) =>
    `**${vm}** · ${op} · ${status} · ${when}${took ? ` · ${took}` : ''}${code ? ` · ${code}` : ''}`,
};

export const backupJa: typeof backupEn = {
  usage: {
    backup: '<vm> を今すぐバックアップ [<N>日保持 | <YYYY-MM-DD>まで保持]',
    status: '<vm> の状態',
    jobs: 'ジョブ [<vm>]',
  },
  description: {
    backup: '確認カードのあと VM を今すぐバックアップし、ジョブの進行をスレッドに表示します。',
    status: 'VM の保護状態、ポリシー、最終バックアップ、最新の復旧ポイント、実行中のジョブを表示します。',
    jobs: '過去 24 時間のバックアップ/復元ジョブを表示します（VM を指定可）。',
  },
  confirmTitle: (vm: string) => `${vm} を今すぐバックアップしますか？`,
  blockedTitle: (vm: string) => `${vm} はまだバックアップできません`,
  policy: 'ポリシー',
  lastBackup: '最終バックアップ',
  retainLabel: 'この復旧ポイントの保持期限',
  retainHint: '既定値: Azure と同じく今日から 30 日後。',
  confirmButton: '今すぐバックアップ',
  wouldFailKv: (vault: string) =>
    `今バックアップすると **UserErrorKeyVaultPermissionsNotConfigured** で失敗します。Azure Backup が Key Vault **${vault}** を読み取れません。先にアクセスを申請し（承認者の承認が必要です）、その後バックアップしてください。`,
  notProtected: (vm: string) =>
    `**${vm}** はまだ保護されていないため、オンデマンド バックアップできません。先に保護してください。`,
  agentWarning:
    '⚠️ VM エージェントの準備ができていません。このバックアップは UserErrorGuestAgentStatusUnavailable で失敗する可能性が高いです。',
  startingTitle: (vm: string) => `${vm} のバックアップを開始しています`,
  starting: (who: string, until: string) =>
    `実行者: ${who}。復旧ポイントは ${until} まで保持されます。ジョブ カードがこのスレッドに続けて表示されます。`,
  cancelled: (who: string) => `${who} がキャンセルしました。Azure には何も変更していません。`,
  invalidDate: (max: string) =>
    `保持期限は明日以降 ${max} までの日付を YYYY-MM-DD 形式で指定してください。何も開始していません。`,
  triggerFailed: (vm: string, reason: string) => `❌ **${vm}** のバックアップを開始できませんでした。${reason}`,
  statusTitle: (vm: string) => `${vm} のバックアップ状態`,
  protection: '保護',
  health: '正常性',
  latestPoint: '最新の復旧ポイント',
  runningJobs: '実行中のジョブ',
  noRunningJobs: 'なし',
  jobsTitle: (scope: string) => `過去 24 時間のジョブ${scope ? `（${scope}）` : ''}`,
  noJobs: '過去 24 時間にバックアップ/復元ジョブはありません。',
  jobLine: (vm: string, op: string, status: string, when: string, took: string, code: string) =>
    `**${vm}** · ${op} · ${status} · ${when}${took ? ` · ${took}` : ''}${code ? ` · ${code}` : ''}`,
};
