/**
 * Strings for the critical operations on a VM's backup: stop protection, delete its data, resume, change its policy,
 * undelete, the soft-deleted list, and what `status` says of each state (`lifecycleJa` must match `lifecycleEn`).
 */
type Operation = 'stop' | 'deleteData' | 'resume' | 'changePolicy' | 'undelete';
const day = (iso: string) => iso.slice(0, 10);
const dayJa = (iso: string) => iso.slice(0, 10).replace(/-/g, '/');

export const lifecycleEn = {
  usage: {
    stop: 'stop backup <vm>',
    deleteData: 'stop backup <vm> and delete data',
    resume: 'resume backup <vm> [with <policy>]',
    undelete: 'undelete <vm>',
    deleted: 'deleted backups',
  },
  description: {
    stop: 'Stop backing up a VM and keep its recovery points (an approver may be needed).',
    deleteData: 'Stop backing up a VM and delete its recovery points: always needs an approver other than you.',
    resume: 'Back up a stopped VM again, or move a protected one to another policy.',
    undelete: 'Bring back the backup of a VM whose data was deleted, while soft delete still keeps it.',
    deleted: "The vaults' deleted VM backups and the days left before each is purged.",
  },
  operation: {
    stop: 'Stop backup (keep recovery points)',
    deleteData: 'Stop backup and delete its data',
    resume: 'Resume backup',
    changePolicy: 'Change backup policy',
    undelete: 'Undelete backup',
  } satisfies Record<Operation, string>,
  /** Azure's job operations for these writes, as the job card and final message name them. */
  jobOperation: {
    DisableBackup: 'Stop backup',
    DeleteBackupData: 'Delete backup data',
    Undelete: 'Undelete backup',
  } as Record<string, string>,
  draftTitle: (op: string, vm: string) => `${op}: ${vm}?`,
  approvalTitle: (op: string, vm: string) => `Approval needed — ${op}: ${vm}`,
  facts: {
    vm: 'VM',
    vault: 'Vault',
    state: 'Protection now',
    policy: 'Policy',
    points: 'Recovery points',
    softDelete: 'Soft delete',
    immutability: 'Immutable vault',
    guard: 'Resource Guard (MUA)',
    requester: 'Requested by',
    reason: 'Reason',
    expires: 'Expires',
  },
  pointsValue: (count: number, oldest?: string, newest?: string) =>
    count === 0
      ? 'none'
      : count === 1
        ? `1 (${day(newest!)})`
        : `${count} (oldest ${day(oldest!)}, newest ${day(newest!)})`,
  softDeleteValue: (state: string, days: number) =>
    state.toLowerCase() === 'disabled'
      ? 'off'
      : `${state.toLowerCase() === 'alwayson' ? 'always on (cannot be turned off)' : 'on'}, ${days} days`,
  immutabilityValue: {
    Disabled: 'no',
    Unlocked: 'yes (enabled)',
    Locked: 'yes (enabled and locked for good)',
  } as Record<string, string>,
  policyChange: (from: string, fromDays: number, to: string, toDays: number) =>
    `${from} (keeps up to ${fromDays} days) → ${to} (up to ${toDays} days)`,
  policyValue: (name: string, days: number) => `${name} (keeps up to ${days} days)`,
  /** What happens, in words, on the card: the destructive lines first. */
  consequences: {
    stop: (vm: string, count: number) =>
      `No new backups of **${vm}** will be taken. Its ${count} recovery point(s) are kept — and billed — until someone deletes them; **resume backup ${vm}** starts backups again.`,
    deleteData: (vm: string, count: number, oldest?: string, newest?: string) =>
      `⚠️ Backups of **${vm}** stop and **all ${count} recovery point(s)**${count ? ` (oldest ${day(oldest!)}, newest ${day(newest!)})` : ''} are deleted: nothing of ${vm} can be restored from this vault afterwards.`,
    softDeleteKeeps: (vm: string, days: number, until: string, alwaysOn: boolean) =>
      `Soft delete keeps the deleted data **${days} more days** (until ${day(until)}): **undelete ${vm}** brings it back until then; after that it is purged for good.${alwaysOn ? ' Soft delete is always on in this vault and cannot be turned off.' : ''}`,
    softDeleteOff:
      '⚠️ Soft delete is **off** in this vault: the data is deleted for good at once and cannot be undeleted.',
    resume: (vm: string, policy: string, days: number) =>
      `Backups of **${vm}** start again with **${policy}** (keeps points up to ${days} days). Points older than the policy keeps them may be removed once protection resumes: restore any you still need first.`,
    changePolicy: (vm: string, from: string, to: string) =>
      `**${vm}** moves from **${from}** to **${to}**; its next backups follow ${to}.`,
    shorter: (to: string) => `⚠️ ${to} keeps recovery points for less time: points past its retention are removed.`,
    undelete: (vm: string, count: number, days: number, purgeAt: string) =>
      `The backup of **${vm}** comes back as stopped, with its ${count} recovery point(s); otherwise it is purged in ${days} day(s) (${day(purgeAt)}). Then resume its protection or restore from it.`,
  },
  guardNote: (guard: string) =>
    `🛡️ Multi-user authorization: Resource Guard **${guard}** protects this operation. Azure carries it out only while the bot's identity holds the **Backup MUA Operator** role on ${guard}, usually granted just in time (PIM) by a security admin: ask them before this is approved. The bot never grants itself that role.`,
  immutableNote: (state: string) =>
    `🔒 This vault is immutable (${state}): recovery points cannot be deleted before they expire, and retention cannot be shortened.`,
  labels: {
    reason: 'Why? (optional)',
    reasonPlaceholder: 'e.g. VM decommissioned under CHG0042817',
    comment: 'Comment (required to reject)',
    typeName: (vm: string) => `Type ${vm} to confirm that its backup data is deleted`,
    submit: 'Send to approvers',
    confirm: 'Confirm',
    confirmDelete: 'Delete backup data',
    approve: 'Approve',
    reject: 'Reject',
  },
  status: {
    draft: 'Not sent yet',
    draftConfirm: 'Nothing is done until you confirm',
    pending: '⏳ Waiting for an approver',
    approved: '⏳ Approved — carrying it out…',
    applied: '✅ Done — its job is followed in this thread',
    failed: '❌ Approved, but it failed',
    rejected: '🚫 Rejected',
    expired: '⌛ Expired',
  } as Record<string, string>,
  decided: (outcome: string, who: string, when: string) => `${outcome} by ${who} at ${when}.`,
  approvedWord: 'Approved',
  confirmedWord: 'Confirmed',
  rejectedWord: 'Rejected',
  needsApprover: 'An approver other than you must approve this (APPROVAL_REQUIRED_FOR).',
  noApproverNeeded: 'No approver is needed for this (APPROVAL_REQUIRED_FOR): your confirmation carries it out.',
  submitted: (who: string) => `Request sent to the approvers by ${who}. Nothing is done until one of them approves.`,
  refused: {
    self: 'You requested this, so you cannot approve or reject it yourself: another approver must decide. Nothing was changed.',
    notRequester: 'Only the person who asked for this can confirm it. Nothing was changed.',
    approvalRequired:
      'This now needs an approver (APPROVAL_REQUIRED_FOR): run the command again to send it to the approvers. Nothing was changed.',
    mismatch: (vm: string) => `To say yes, type **${vm}** exactly in the box. Nothing was changed.`,
    commentRequired: 'Please write a comment saying why you reject the request.',
    decided: (status: string, who: string, when: string) =>
      `This was already decided (${status}) by ${who} at ${when}. Nothing was changed.`,
    submitted: 'This was already sent to the approvers. Nothing was changed.',
    missing: 'This card is no longer valid. Nothing was changed: run the command again.',
  },
  /** Refused before any request: the vault's guards or the item's state forbid it. */
  guard: {
    ImmutableVaultUnexpiredPoints: (vm: string, vault: string, state: string, unexpired: number, lastExpiry?: string) =>
      `🔒 Not sent: vault **${vault}** is immutable (${state}), and ${unexpired} recovery point(s) of **${vm}** have not expired${lastExpiry ? ` (the last expires ${day(lastExpiry)})` : ' (Azure gives no expiry for them: they are kept by their policy, or for good once protection stopped keeping them)'}. An immutable vault refuses to delete them before then. Stop backup keeping the data instead (**stop backup ${vm}**), or delete it once they have expired.`,
    ImmutableVaultShorterRetention: (
      vm: string,
      vault: string,
      state: string,
      from: string,
      fromDays: number,
      to: string,
      toDays: number,
    ) =>
      `🔒 Not sent: vault **${vault}** is immutable (${state}), so retention cannot be shortened: **${to}** keeps points up to ${toDays} days, **${from}** (the policy of ${vm} now) up to ${fromDays}. Choose a policy that keeps them at least as long.`,
    SoftDeletedItemNeedsUndelete: (vm: string, purgeAt: string, days: number) =>
      `The backup of **${vm}** is deleted (soft delete keeps it ${days} more day(s), until ${day(purgeAt)}): nothing else can be done to it until it is undeleted. Run **undelete ${vm}**.`,
  },
  state: {
    notProtected: (vm: string) =>
      `**${vm}** has no backup in the configured vaults: there is nothing to stop, delete, resume or undelete.`,
    alreadyStopped: (vm: string) =>
      `Backups of **${vm}** are already stopped (its recovery points are kept). **resume backup ${vm}** starts them again; **stop backup ${vm} and delete data** deletes the points.`,
    alreadyProtected: (vm: string, policy: string) =>
      `**${vm}** is already backed up with **${policy}**. To move it to another policy: **resume backup ${vm} with <policy>**.`,
    samePolicy: (vm: string, policy: string) => `**${vm}** is already backed up with **${policy}**. Nothing to change.`,
    notDeleted: (vm: string) => `The backup of **${vm}** is not deleted: there is nothing to undelete.`,
    unknownPolicy: (policy: string, known: string) =>
      `The vault has no VM backup policy named **${policy}**. Its policies: ${known}.`,
    noPolicies: (vault: string) => `Vault **${vault}** has no VM backup policy to resume with.`,
  },
  /** What Azure answered anyway, turned into what to do. */
  advice: {
    mua: (guard: string, guardId: string) =>
      `Azure refused it for multi-user authorization: the bot's identity does not hold the **Backup MUA Operator** role on Resource Guard **${guard}** (${guardId}) right now. Ask your security admin to grant it just in time (PIM) for this operation, then request it again. The bot never grants itself that role.`,
    immutable: (vm: string) =>
      `The vault is immutable: Azure keeps recovery points until they expire and never lets retention shrink. Stop backup of **${vm}** keeping the data instead, or wait until its points have expired.`,
    softDeleted: (vm: string) => `The backup of **${vm}** is soft-deleted: run **undelete ${vm}** first.`,
    notSent: 'Nothing was sent to Azure.',
  },
  started: (op: string, vm: string, who: string) =>
    `${op} of **${vm}** was started (${who}). Its job card follows in this thread.`,
  doneNoJob: (op: string, vm: string) => `✅ ${op} of **${vm}** is done (Azure reported no job to follow).`,
  failed: (op: string, vm: string, reason: string) => `❌ ${op} of **${vm}** failed. ${reason}`,
  rejectedMessage: (op: string, vm: string, who: string, comment: string) =>
    `🚫 ${op} of **${vm}** was rejected by ${who}: "${comment}". Nothing was changed.`,
  deleted: {
    title: 'Deleted VM backups (soft delete)',
    line: (vm: string, vault: string, days: number, purgeAt: string) =>
      `**${vm}** · ${vault} · purged in ${days} day(s) (${day(purgeAt)}) — **undelete ${vm}** brings it back`,
    none: 'No deleted VM backups in the configured vaults.',
  },
  /** `status` of a VM whose backup is stopped, suspended or deleted. */
  statusState: {
    protected: (state: string) => state,
    stopped: 'Stopped — recovery points kept (no new backups)',
    suspended: 'Suspended — recovery points kept as the policy says (no new backups)',
    softDeleted: (days: number, purgeAt: string) =>
      `Deleted — soft delete keeps it ${days} more day(s), purged ${day(purgeAt)}`,
    noPolicy: 'none (stopped)',
    undeleteHint: (vm: string) => `Run **undelete ${vm}** to bring the backup back before it is purged.`,
    resumeHint: (vm: string) => `Run **resume backup ${vm}** to back it up again.`,
  },
  /** After an undelete's job completes (on its job card). */
  undeleteNextSteps: (vm: string) => [
    `Resume its backups: **resume backup ${vm}** (or **resume backup ${vm} with <policy>**).`,
    `Or restore from its recovery points: **restore ${vm}**.`,
  ],
};

export const lifecycleJa: typeof lifecycleEn = {
  usage: {
    stop: '<vm> のバックアップを停止',
    deleteData: '<vm> のバックアップを停止してデータを削除',
    resume: '<vm> のバックアップを再開 [<policy> で]',
    undelete: '<vm> のバックアップの削除を取り消し',
    deleted: '削除済みバックアップ',
  },
  description: {
    stop: 'VM のバックアップを停止し、復旧ポイントは保持します（承認が必要な場合があります）。',
    deleteData: 'VM のバックアップを停止し、復旧ポイントを削除します。常にあなた以外の承認者の承認が必要です。',
    resume: '停止した VM のバックアップを再開するか、保護中の VM を別のポリシーに移します。',
    undelete: 'データを削除した VM のバックアップを、論理的な削除で保持されている間に元に戻します。',
    deleted: 'コンテナー内の削除済み VM バックアップと、完全に消去されるまでの日数を表示します。',
  },
  operation: {
    stop: 'バックアップの停止（復旧ポイントは保持）',
    deleteData: 'バックアップの停止とデータの削除',
    resume: 'バックアップの再開',
    changePolicy: 'バックアップ ポリシーの変更',
    undelete: 'バックアップの削除の取り消し',
  },
  jobOperation: {
    DisableBackup: 'バックアップの停止',
    DeleteBackupData: 'バックアップ データの削除',
    Undelete: 'バックアップの削除の取り消し',
  },
  draftTitle: (op: string, vm: string) => `${vm}: ${op}を行いますか？`,
  approvalTitle: (op: string, vm: string) => `承認依頼 — ${vm}: ${op}`,
  facts: {
    vm: 'VM',
    vault: 'コンテナー',
    state: '現在の保護状態',
    policy: 'ポリシー',
    points: '復旧ポイント',
    softDelete: '論理的な削除',
    immutability: 'イミュータブル コンテナー',
    guard: 'Resource Guard（MUA）',
    requester: '申請者',
    reason: '理由',
    expires: '有効期限',
  },
  pointsValue: (count: number, oldest?: string, newest?: string) =>
    count === 0
      ? 'なし'
      : count === 1
        ? `1 個（${dayJa(newest!)}）`
        : `${count} 個（最古 ${dayJa(oldest!)}、最新 ${dayJa(newest!)}）`,
  softDeleteValue: (state: string, days: number) =>
    state.toLowerCase() === 'disabled'
      ? 'オフ'
      : `${state.toLowerCase() === 'alwayson' ? '常にオン（オフにできません）' : 'オン'}、${days} 日`,
  immutabilityValue: { Disabled: 'いいえ', Unlocked: 'はい（有効）', Locked: 'はい（有効かつロック済み）' },
  policyChange: (from: string, fromDays: number, to: string, toDays: number) =>
    `${from}（最長 ${fromDays} 日保持）→ ${to}（最長 ${toDays} 日）`,
  policyValue: (name: string, days: number) => `${name}（最長 ${days} 日保持）`,
  consequences: {
    stop: (vm: string, count: number) =>
      `**${vm}** の新しいバックアップは作成されなくなります。${count} 個の復旧ポイントは削除されるまで保持され、課金も続きます。**${vm} のバックアップを再開** で再開できます。`,
    deleteData: (vm: string, count: number, oldest?: string, newest?: string) =>
      `⚠️ **${vm}** のバックアップを停止し、**${count} 個すべての復旧ポイント**${count ? `（最古 ${dayJa(oldest!)}、最新 ${dayJa(newest!)}）` : ''}を削除します。削除後はこのコンテナーから ${vm} を復元できません。`,
    softDeleteKeeps: (vm: string, days: number, until: string, alwaysOn: boolean) =>
      `論理的な削除により、削除したデータは **あと ${days} 日間**（${dayJa(until)} まで）保持されます。それまでは **${vm} のバックアップの削除を取り消し** で元に戻せますが、その後は完全に消去されます。${alwaysOn ? 'このコンテナーの論理的な削除は常にオンで、オフにできません。' : ''}`,
    softDeleteOff:
      '⚠️ このコンテナーでは論理的な削除が **オフ** です。データはただちに完全に削除され、元に戻せません。',
    resume: (vm: string, policy: string, days: number) =>
      `**${vm}** のバックアップを **${policy}**（最長 ${days} 日保持）で再開します。ポリシーの保持期間を過ぎた古い復旧ポイントは、再開後に削除されることがあります。必要なものは先に復元してください。`,
    changePolicy: (vm: string, from: string, to: string) =>
      `**${vm}** を **${from}** から **${to}** に移します。以降のバックアップは ${to} に従います。`,
    shorter: (to: string) =>
      `⚠️ ${to} は復旧ポイントの保持期間が短いため、その保持期間を過ぎたポイントは削除されます。`,
    undelete: (vm: string, count: number, days: number, purgeAt: string) =>
      `**${vm}** のバックアップを、${count} 個の復旧ポイントとともに停止状態で元に戻します。元に戻さなければ ${days} 日後（${dayJa(purgeAt)}）に完全に消去されます。その後、保護を再開するか、復元してください。`,
  },
  guardNote: (guard: string) =>
    `🛡️ マルチユーザー承認: この操作は Resource Guard **${guard}** で保護されています。Azure が実行するのは、ボットの ID が ${guard} の **Backup MUA Operator** ロールを持っている間だけです（通常、セキュリティ管理者が PIM で一時的に付与します）。承認の前に依頼してください。ボットがこのロールを自分に付与することはありません。`,
  immutableNote: (state: string) =>
    `🔒 このコンテナーはイミュータブル（${state}）です。復旧ポイントは有効期限まで削除できず、保持期間も短縮できません。`,
  labels: {
    reason: '理由（任意）',
    reasonPlaceholder: '例: CHG0042817 で VM を廃止',
    comment: 'コメント（却下する場合は必須）',
    typeName: (vm: string) => `バックアップ データの削除を確認するため ${vm} と入力してください`,
    submit: '承認者に送信',
    confirm: '確認',
    confirmDelete: 'バックアップ データを削除',
    approve: '承認',
    reject: '却下',
  },
  status: {
    draft: '未送信',
    draftConfirm: '確認するまで何も行いません',
    pending: '⏳ 承認待ち',
    approved: '⏳ 承認済み — 実行しています…',
    applied: '✅ 完了 — ジョブをこのスレッドで追跡します',
    failed: '❌ 承認されましたが失敗しました',
    rejected: '🚫 却下',
    expired: '⌛ 期限切れ',
  },
  decided: (outcome: string, who: string, when: string) => `${when} に ${who} が${outcome}しました。`,
  approvedWord: '承認',
  confirmedWord: '確認',
  rejectedWord: '却下',
  needsApprover: 'あなた以外の承認者の承認が必要です（APPROVAL_REQUIRED_FOR）。',
  noApproverNeeded: '承認は不要です（APPROVAL_REQUIRED_FOR）。あなたが確認すると実行します。',
  submitted: (who: string) => `${who} が承認者に送信しました。承認されるまで何も行いません。`,
  refused: {
    self: 'これはあなたの申請なので、ご自身で承認・却下することはできません。別の承認者が判断する必要があります。何も変更していません。',
    notRequester: 'これを確認できるのは依頼した本人だけです。何も変更していません。',
    approvalRequired:
      'これには承認が必要になりました（APPROVAL_REQUIRED_FOR）。もう一度コマンドを実行して承認者に送信してください。何も変更していません。',
    mismatch: (vm: string) => `実行するには、入力欄に **${vm}** と正確に入力してください。何も変更していません。`,
    commentRequired: '却下の理由をコメントに記入してください。',
    decided: (status: string, who: string, when: string) =>
      `これは ${when} に ${who} が既に判断済みです（${status}）。何も変更していません。`,
    submitted: 'これは既に承認者に送信されています。何も変更していません。',
    missing: 'このカードは無効です。何も変更していません。もう一度コマンドを実行してください。',
  },
  guard: {
    ImmutableVaultUnexpiredPoints: (vm: string, vault: string, state: string, unexpired: number, lastExpiry?: string) =>
      `🔒 送信していません: コンテナー **${vault}** はイミュータブル（${state}）で、**${vm}** の ${unexpired} 個の復旧ポイントが有効期限前です${lastExpiry ? `（最後の有効期限は ${dayJa(lastExpiry)}）` : '（Azure は有効期限を示していません。ポリシーに従って、または保護停止後は無期限に保持されます）'}。イミュータブル コンテナーは期限前の削除を拒否します。代わりにデータを保持したまま停止する（**${vm} のバックアップを停止**）か、期限後に削除してください。`,
    ImmutableVaultShorterRetention: (
      vm: string,
      vault: string,
      state: string,
      from: string,
      fromDays: number,
      to: string,
      toDays: number,
    ) =>
      `🔒 送信していません: コンテナー **${vault}** はイミュータブル（${state}）のため、保持期間を短縮できません。**${to}** の保持は最長 ${toDays} 日、現在の ${vm} のポリシー **${from}** は最長 ${fromDays} 日です。同じ以上の期間保持するポリシーを選んでください。`,
    SoftDeletedItemNeedsUndelete: (vm: string, purgeAt: string, days: number) =>
      `**${vm}** のバックアップは削除済みです（論理的な削除によりあと ${days} 日、${dayJa(purgeAt)} まで保持）。削除を取り消すまで他の操作はできません。**${vm} のバックアップの削除を取り消し** を実行してください。`,
  },
  state: {
    notProtected: (vm: string) =>
      `**${vm}** のバックアップは設定されたコンテナーにありません。停止・削除・再開・削除の取り消しの対象がありません。`,
    alreadyStopped: (vm: string) =>
      `**${vm}** のバックアップは既に停止しています（復旧ポイントは保持）。**${vm} のバックアップを再開** で再開、**${vm} のバックアップを停止してデータを削除** でポイントを削除できます。`,
    alreadyProtected: (vm: string, policy: string) =>
      `**${vm}** は既に **${policy}** でバックアップされています。別のポリシーに移すには **${vm} のバックアップを <policy> で再開** と入力してください。`,
    samePolicy: (vm: string, policy: string) =>
      `**${vm}** は既に **${policy}** でバックアップされています。変更はありません。`,
    notDeleted: (vm: string) => `**${vm}** のバックアップは削除されていないため、取り消すものがありません。`,
    unknownPolicy: (policy: string, known: string) =>
      `コンテナーに **${policy}** という VM バックアップ ポリシーはありません。ポリシー: ${known}`,
    noPolicies: (vault: string) => `コンテナー **${vault}** には再開に使える VM バックアップ ポリシーがありません。`,
  },
  advice: {
    mua: (guard: string, guardId: string) =>
      `マルチユーザー承認により Azure が拒否しました。ボットの ID は現在 Resource Guard **${guard}**（${guardId}）の **Backup MUA Operator** ロールを持っていません。セキュリティ管理者にこの操作のため一時的（PIM）に付与してもらい、もう一度申請してください。ボットがこのロールを自分に付与することはありません。`,
    immutable: (vm: string) =>
      `コンテナーがイミュータブルです。Azure は復旧ポイントを有効期限まで保持し、保持期間の短縮を認めません。代わりにデータを保持したまま **${vm}** のバックアップを停止するか、ポイントの期限切れを待ってください。`,
    softDeleted: (vm: string) =>
      `**${vm}** のバックアップは論理的に削除されています。先に **${vm} のバックアップの削除を取り消し** を実行してください。`,
    notSent: 'Azure には何も送信していません。',
  },
  started: (op: string, vm: string, who: string) =>
    `**${vm}** の${op}を開始しました（${who}）。ジョブ カードがこのスレッドに続けて表示されます。`,
  doneNoJob: (op: string, vm: string) => `✅ **${vm}** の${op}が完了しました（追跡するジョブはありません）。`,
  failed: (op: string, vm: string, reason: string) => `❌ **${vm}** の${op}に失敗しました。${reason}`,
  rejectedMessage: (op: string, vm: string, who: string, comment: string) =>
    `🚫 **${vm}** の${op}は ${who} により却下されました:「${comment}」。何も変更していません。`,
  deleted: {
    title: '削除済みの VM バックアップ（論理的な削除）',
    line: (vm: string, vault: string, days: number, purgeAt: string) =>
      `**${vm}** · ${vault} · あと ${days} 日で消去（${dayJa(purgeAt)}）— **${vm} のバックアップの削除を取り消し** で元に戻せます`,
    none: '設定されたコンテナーに削除済みの VM バックアップはありません。',
  },
  statusState: {
    protected: (state: string) => state,
    stopped: '停止 — 復旧ポイントは保持（新しいバックアップなし）',
    suspended: '中断 — 復旧ポイントはポリシーどおり保持（新しいバックアップなし）',
    softDeleted: (days: number, purgeAt: string) =>
      `削除済み — 論理的な削除によりあと ${days} 日保持、${dayJa(purgeAt)} に消去`,
    noPolicy: 'なし（停止中）',
    undeleteHint: (vm: string) => `消去される前に **${vm} のバックアップの削除を取り消し** で元に戻せます。`,
    resumeHint: (vm: string) => `**${vm} のバックアップを再開** でバックアップを再開できます。`,
  },
  undeleteNextSteps: (vm: string) => [
    `バックアップを再開: **${vm} のバックアップを再開**（または **${vm} のバックアップを <policy> で再開**）。`,
    `または復旧ポイントから復元: **${vm} を復元**。`,
  ],
};
