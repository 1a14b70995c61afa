/** Strings for Key Vault access requests, approvals and the audit trail (`approvalJa` must match `approvalEn`). */
export const approvalEn = {
  usage: { grant: 'grant backup access <vm | key vault>', audit: 'audit' },
  description: {
    grant: 'Ask an approver to let Azure Backup read the Key Vault of an ADE-encrypted VM.',
    audit:
      'Recent critical operation requests (Key Vault access, stopping, deleting, resuming and undeleting backups) and their decisions.',
  },
  notFound: (name: string) => `I found no VM or Key Vault named **${name}**.`,
  notAde: (vm: string) =>
    `**${vm}** is not encrypted with Azure Disk Encryption: Azure Backup needs no Key Vault access for it.`,
  alreadyGranted: (vault: string, via: string) =>
    `✅ Azure Backup can already read Key Vault **${vault}** (${via}). Nothing to grant.`,
  requestTitle: (vault: string) => `Request Azure Backup access to ${vault}`,
  approvalTitle: (vault: string) => `Approval needed: Azure Backup access to ${vault}`,
  keyVault: 'Key Vault',
  model: 'Permission model',
  models: { accessPolicy: 'Access policies', rbac: 'Azure RBAC' },
  principal: 'Granted to',
  principalValue: (objectId: string) => `Backup Management Service (object id ${objectId})`,
  permissions: 'Permissions',
  policyPermissions: (keys: string, secrets: string) =>
    [keys ? `keys: ${keys}` : '', secrets ? `secrets: ${secrets}` : ''].filter(Boolean).join('; '),
  rolePermissions: (role: string) => `role "${role}"`,
  scope: 'Scope',
  vms: 'VMs',
  requester: 'Requested by',
  reason: 'Reason',
  noReason: '(none given)',
  expires: 'Expires',
  reasonLabel: 'Why is this needed? (optional)',
  reasonPlaceholder: 'e.g. nightly backups of vm002 fail with UserErrorKeyVaultPermissionsNotConfigured',
  submitButton: 'Send to approvers',
  approveButton: 'Approve',
  rejectButton: 'Reject',
  commentLabel: 'Comment (required to reject)',
  notes: {
    bekOnly: 'All VMs using this vault are BEK-only, so only secrets are granted (no key permissions).',
    keysIncluded: 'Keys are included because a KEK (key-encryption key) is used.',
    guests:
      'If the people in your tenant are guest users, Azure Backup does not get Key Vault access automatically: this grant is exactly what it needs.',
    certificates: 'Azure Backup supports standalone keys only: a KEK that belongs to a certificate is not supported.',
  },
  approversMention: 'Approvers:',
  noApprovers: 'No approvers are configured (BACKUP_APPROVER_IDS): nobody can approve this request.',
  submitted: (who: string) => `Request sent to the approvers by ${who}.`,
  status: {
    draft: 'Draft',
    pending: '⏳ Waiting for an approver',
    approved: '⏳ Approved — applying the grant…',
    applied: '✅ Approved and applied',
    failed: '❌ Approved, but the grant failed',
    rejected: '🚫 Rejected',
    expired: '⌛ Expired',
    cancelled: '🚫 Cancelled',
  } as Record<string, string>,
  decided: (outcome: string, who: string, when: string) => `${outcome} by ${who} at ${when}.`,
  approvedWord: 'Approved',
  rejectedWord: 'Rejected',
  selfApproval:
    'You requested this access, so you cannot approve or reject it yourself: another approver must decide. Nothing was changed.',
  alreadyDecided: (status: string, who: string, when: string) =>
    `This request was already decided (${status}) by ${who} at ${when}. Nothing was changed.`,
  expired: (when: string) =>
    `This request expired at ${when} and can no longer be approved. Nothing was changed; request access again if it is still needed.`,
  commentRequired: 'Please write a comment saying why you reject the request.',
  applied: (vault: string, summary: string) =>
    `✅ Azure Backup can now read Key Vault **${vault}** (${summary}), verified by reading the vault back. Backups of its VMs can run again.`,
  appliedUnverified: (vault: string, missing: string) =>
    `⚠️ The grant on **${vault}** was sent, but reading the vault back still shows missing: ${missing}. Check the vault in the portal.`,
  applyFailed: (vault: string, reason: string) => `❌ The grant on **${vault}** failed. ${reason}`,
  rejected: (vault: string, who: string, comment: string) =>
    `🚫 The request for Azure Backup access to **${vault}** was rejected by ${who}: "${comment}"`,
  roleNeeded: {
    accessPolicy:
      "The bot's identity needs permission to write access policies on the vault (Microsoft.KeyVault/vaults/accessPolicies/write, e.g. the Key Vault Contributor role).",
    rbac: "The bot's identity needs permission to create role assignments on the vault (Role Based Access Control Administrator or User Access Administrator, scoped to the vault).",
  },
  auditTitle: 'Critical operations audit (newest first)',
  auditEmpty: 'No requests yet.',
  auditLine: (when: string, event: string, who: string, vault: string, extra: string) =>
    `${when} · **${event}** · ${who} · ${vault}${extra ? ` · ${extra}` : ''}`,
  auditEvents: {
    requested: 'requested',
    confirmed: 'confirmed by the requester',
    approved: 'approved',
    rejected: 'rejected',
    applied: 'applied',
    failed: 'failed',
    expired: 'expired',
  } as Record<string, string>,
  /** What each kind of request is, after its target in the audit trail. */
  auditKinds: {
    keyVaultGrant: 'Key Vault access',
    stopProtection: 'stop backup',
    deleteBackupData: 'delete backup data',
    resumeProtection: 'resume backup',
    changePolicy: 'change policy',
    undeleteBackup: 'undelete backup',
  } as Record<string, string>,
};

export const approvalJa: typeof approvalEn = {
  usage: { grant: '<vm | Key Vault> のバックアップ アクセスを申請', audit: '監査ログ' },
  description: {
    grant: 'ADE 暗号化 VM の Key Vault を Azure Backup が読み取れるよう、承認者に申請します。',
    audit:
      '重要な操作（Key Vault アクセス、バックアップの停止・削除・再開・削除の取り消し）の申請と判断の最近の記録を表示します。',
  },
  notFound: (name: string) => `**${name}** という VM または Key Vault は見つかりませんでした。`,
  notAde: (vm: string) =>
    `**${vm}** は Azure Disk Encryption で暗号化されていないため、Azure Backup に Key Vault のアクセス権は不要です。`,
  alreadyGranted: (vault: string, via: string) =>
    `✅ Azure Backup は既に Key Vault **${vault}** を読み取れます（${via}）。付与は不要です。`,
  requestTitle: (vault: string) => `${vault} への Azure Backup アクセスを申請`,
  approvalTitle: (vault: string) => `承認依頼: ${vault} への Azure Backup アクセス`,
  keyVault: 'Key Vault',
  model: 'アクセス許可モデル',
  models: { accessPolicy: 'アクセス ポリシー', rbac: 'Azure RBAC' },
  principal: '付与先',
  principalValue: (objectId: string) => `Backup Management Service（オブジェクト ID ${objectId}）`,
  permissions: '権限',
  policyPermissions: (keys: string, secrets: string) =>
    [keys ? `キー: ${keys}` : '', secrets ? `シークレット: ${secrets}` : ''].filter(Boolean).join('、'),
  rolePermissions: (role: string) => `ロール「${role}」`,
  scope: 'スコープ',
  vms: 'VM',
  requester: '申請者',
  reason: '理由',
  noReason: '（記載なし）',
  expires: '有効期限',
  reasonLabel: '必要な理由（任意）',
  reasonPlaceholder: '例: vm002 の夜間バックアップが UserErrorKeyVaultPermissionsNotConfigured で失敗している',
  submitButton: '承認者に送信',
  approveButton: '承認',
  rejectButton: '却下',
  commentLabel: 'コメント（却下する場合は必須）',
  notes: {
    bekOnly: 'このコンテナーを使う VM はすべて BEK のみのため、シークレットのみを付与します（キーの権限なし）。',
    keysIncluded: 'KEK（キー暗号化キー）を使用しているため、キーの権限も含みます。',
    guests:
      'テナントのユーザーがゲストの場合、Azure Backup には Key Vault のアクセス権が自動では付与されません。この付与がまさに必要なものです。',
    certificates: 'Azure Backup はスタンドアロンのキーのみサポートします。証明書に属する KEK はサポートされません。',
  },
  approversMention: '承認者:',
  noApprovers: '承認者が設定されていません（BACKUP_APPROVER_IDS）。この申請を承認できる人がいません。',
  submitted: (who: string) => `${who} が承認者に申請を送信しました。`,
  status: {
    draft: '下書き',
    pending: '⏳ 承認待ち',
    approved: '⏳ 承認済み — 付与を適用しています…',
    applied: '✅ 承認・適用済み',
    failed: '❌ 承認されましたが付与に失敗しました',
    rejected: '🚫 却下',
    expired: '⌛ 期限切れ',
    cancelled: '🚫 キャンセル',
  },
  decided: (outcome: string, who: string, when: string) => `${when} に ${who} が${outcome}しました。`,
  approvedWord: '承認',
  rejectedWord: '却下',
  selfApproval:
    'この申請はあなたが行ったものなので、ご自身で承認・却下することはできません。別の承認者が判断する必要があります。何も変更していません。',
  alreadyDecided: (status: string, who: string, when: string) =>
    `この申請は ${when} に ${who} が既に判断済みです（${status}）。何も変更していません。`,
  expired: (when: string) =>
    `この申請は ${when} に期限切れになったため、承認できません。何も変更していません。必要であれば再度申請してください。`,
  commentRequired: '却下の理由をコメントに記入してください。',
  applied: (vault: string, summary: string) =>
    `✅ Azure Backup が Key Vault **${vault}** を読み取れるようになりました（${summary}）。コンテナーを読み直して確認済みです。この VM のバックアップを再開できます。`,
  appliedUnverified: (vault: string, missing: string) =>
    `⚠️ **${vault}** への付与を送信しましたが、読み直すとまだ不足しています: ${missing}。ポータルでコンテナーを確認してください。`,
  applyFailed: (vault: string, reason: string) => `❌ **${vault}** への付与に失敗しました。${reason}`,
  rejected: (vault: string, who: string, comment: string) =>
    `🚫 **${vault}** への Azure Backup アクセスの申請は ${who} により却下されました:「${comment}」`,
  roleNeeded: {
    accessPolicy:
      'ボットの ID に、コンテナーのアクセス ポリシーを書き込む権限（Microsoft.KeyVault/vaults/accessPolicies/write、例: Key Vault 共同作成者ロール）が必要です。',
    rbac: 'ボットの ID に、コンテナーでロールの割り当てを作成する権限（コンテナーをスコープとするロールベースのアクセス制御管理者またはユーザー アクセス管理者）が必要です。',
  },
  auditTitle: '重要な操作の監査ログ（新しい順）',
  auditEmpty: 'まだ申請はありません。',
  auditLine: (when: string, event: string, who: string, vault: string, extra: string) =>
    `${when} · **${event}** · ${who} · ${vault}${extra ? ` · ${extra}` : ''}`,
  auditEvents: {
    requested: '申請',
    confirmed: '申請者が確認',
    approved: '承認',
    rejected: '却下',
    applied: '適用',
    failed: '失敗',
    expired: '期限切れ',
  },
  auditKinds: {
    keyVaultGrant: 'Key Vault アクセス',
    stopProtection: 'バックアップの停止',
    deleteBackupData: 'バックアップ データの削除',
    resumeProtection: 'バックアップの再開',
    changePolicy: 'ポリシーの変更',
    undeleteBackup: 'バックアップの削除の取り消し',
  },
};
