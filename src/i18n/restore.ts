/** Strings for `restore` (`restoreJa` must match `restoreEn`). */
export const restoreEn = {
  usage: 'restore <vm>',
  description: 'Restore a VM from a recovery point (restore disks or a new VM), within the ADE rules.',
  title: (vm: string) => `Restore ${vm}`,
  notProtected: (vm: string) => `**${vm}** is not protected, so it has no recovery points.`,
  noPoints: (vm: string) => `**${vm}** has no recovery points yet.`,
  pointLabel: 'Recovery point (newest first)',
  kindLabel: 'Restore type',
  kinds: {
    RestoreDisks: 'Restore disks',
    AlternateLocation: 'Create a new VM',
    OriginalLocation: 'Replace existing (original location)',
  } as Record<string, string>,
  notForAde: {
    OriginalLocation:
      '"Replace existing" is not available for ADE-encrypted VMs: restore the disks or create a new VM instead.',
    FileRestore:
      'File/folder restore is not available for ADE-encrypted VMs: restore the disks and attach them to another VM to copy files.',
  },
  resourceGroupLabel: 'Target resource group (same subscription)',
  storageLabel: 'Staging storage account (name, or resourceGroup/name)',
  regionLabel: 'Restore to region',
  sameRegion: (region: string) => `${region} (the vault's region)`,
  pairedRegion: (region: string) => `${region} (paired region, cross-region restore)`,
  crrUnavailable: (vault: string) =>
    `Cross-region restore is not enabled on vault ${vault}: restores stay in its region.`,
  crrPortal: (vault: string, region: string) =>
    `Cross-region restore to the paired region ${region} is enabled on ${vault}; start it from the portal (Secondary Region). From chat, restores run in the vault's region.`,
  vmNameLabel: 'New VM name (for "Create a new VM")',
  subnetLabel: 'Subnet resource id for the new VM',
  reviewButton: 'Review',
  summaryTitle: (vm: string) => `Restore ${vm}: please confirm`,
  summaryIntro: 'This will create, and you will pay for:',
  creates: {
    RestoreDisks: (rg: string) =>
      `managed disks restored into resource group ${rg}, and a deployment template to build a VM from them`,
    AlternateLocation: (vm: string, rg: string) =>
      `a new VM ${vm} in resource group ${rg}, with its disks and network interface`,
    OriginalLocation: (vm: string) => `the disks of ${vm} replaced by those of the recovery point`,
    staging: (sa: string) => `data staged through storage account ${sa}`,
  },
  facts: {
    point: 'Recovery point',
    kind: 'Restore type',
    region: 'Region',
    rg: 'Resource group',
    storage: 'Storage account',
    vmName: 'New VM',
    bek: 'Disk encryption key (BEK, secret)',
    kek: 'Key encryption key (KEK)',
  },
  keyIn: (url: string, vault: string) => `${url} (Key Vault ${vault})`,
  confirmButton: 'Restore',
  invalid: {
    point: 'Pick one of the recovery points on the card.',
    kind: 'Pick one of the restore types on the card.',
    resourceGroup:
      'The target resource group must be a resource group name (1–90 letters, digits, -, _, ., ( or )) in this subscription.',
    otherSubscription: 'Restores must stay in the same subscription (ADE VMs cannot be restored across subscriptions).',
    storage: 'The staging storage account must be 3–24 lowercase letters and digits (optionally resourceGroup/name).',
    region:
      "Cross-region restore goes only to the vault's paired region, and only when the vault has cross-region restore enabled.",
    crrTier: 'Cross-region restore of an ADE VM needs a recovery point in the vault tier (not a snapshot-only point).',
    crrFromPortal:
      "Cross-region restore to the paired region is allowed for this vault, but it is started from the portal (Backup items → Secondary Region → Restore); from chat I restore in the vault's region.",
    vmName: 'A new VM needs a name (1–64 letters, digits, - or _) and a subnet resource id.',
    pointGone:
      'That recovery point no longer exists (it may have expired): run **restore <vm>** again for the current list.',
    pointKeysMissing:
      "That recovery point is encrypted with ADE but Azure Backup returned no key details (BEK/KEK) for it, so I cannot restore it with the right keys. I will not fall back to the VM's current keys: they may have rotated since. Pick another point, or restore it from the portal and supply the keys there.",
    nothingChanged: 'Nothing was changed.',
  },
  startingTitle: (vm: string) => `Restore of ${vm} is starting`,
  starting: (who: string) => `Requested by ${who}. The job card follows in this thread.`,
  failed: (vm: string, reason: string) => `❌ The restore of **${vm}** could not be started. ${reason}`,
  cancelled: (who: string) => `Cancelled by ${who}. Nothing was changed in Azure.`,
  adeNextSteps: [
    '1. Make sure the BEK secret (and KEK key) of this VM still exist in its Key Vault. If they were deleted, restore them first from the key/secret backup the job wrote — otherwise building the VM fails with DiskEncryptionInternalError.',
    '2. Create the VM from the restored disks, or deploy the template the job wrote to the staging storage account.',
    '3. Linux VMs: reinstall the Azure Disk Encryption extension on the new VM.',
  ],
  fileRestorePortal: (vm: string) =>
    `File recovery for **${vm}** mounts a recovery point in the VM with a script from the portal (Backup items → File Recovery); I don't run it from chat. Use **restore ${vm}** to restore disks or a new VM.`,
};

export const restoreJa: typeof restoreEn = {
  usage: '<vm> を復元',
  description: '復旧ポイントから VM を復元します（ディスクの復元または新しい VM の作成、ADE の制限内）。',
  title: (vm: string) => `${vm} を復元`,
  notProtected: (vm: string) => `**${vm}** は保護されていないため、復旧ポイントがありません。`,
  noPoints: (vm: string) => `**${vm}** にはまだ復旧ポイントがありません。`,
  pointLabel: '復旧ポイント（新しい順）',
  kindLabel: '復元の種類',
  kinds: {
    RestoreDisks: 'ディスクの復元',
    AlternateLocation: '新しい VM の作成',
    OriginalLocation: '既存の置き換え（元の場所）',
  },
  notForAde: {
    OriginalLocation:
      'ADE で暗号化された VM では「既存の置き換え」は使用できません。ディスクの復元または新しい VM の作成を使用してください。',
    FileRestore:
      'ADE で暗号化された VM ではファイル/フォルダー単位の復元は使用できません。ディスクを復元して別の VM に接続し、ファイルをコピーしてください。',
  },
  resourceGroupLabel: '復元先のリソース グループ（同じサブスクリプション）',
  storageLabel: 'ステージング用ストレージ アカウント（名前、またはリソースグループ/名前）',
  regionLabel: '復元先リージョン',
  sameRegion: (region: string) => `${region}（コンテナーのリージョン）`,
  pairedRegion: (region: string) => `${region}（ペア リージョン、リージョン間の復元）`,
  crrUnavailable: (vault: string) =>
    `コンテナー ${vault} ではリージョン間の復元が有効になっていないため、同じリージョンにのみ復元できます。`,
  crrPortal: (vault: string, region: string) =>
    `${vault} ではペア リージョン ${region} へのリージョン間の復元が有効です。ポータル（セカンダリ リージョン）から開始してください。チャットからはコンテナーのリージョンに復元します。`,
  vmNameLabel: '新しい VM の名前（「新しい VM の作成」の場合）',
  subnetLabel: '新しい VM のサブネット リソース ID',
  reviewButton: '確認へ進む',
  summaryTitle: (vm: string) => `${vm} の復元: 内容を確認してください`,
  summaryIntro: '次のリソースが作成され、料金が発生します:',
  creates: {
    RestoreDisks: (rg: string) =>
      `リソース グループ ${rg} に復元されるマネージド ディスクと、そこから VM を作成するためのデプロイ テンプレート`,
    AlternateLocation: (vm: string, rg: string) =>
      `リソース グループ ${rg} の新しい VM ${vm}（ディスクとネットワーク インターフェイスを含む）`,
    OriginalLocation: (vm: string) => `復旧ポイントのディスクで置き換えられる ${vm} のディスク`,
    staging: (sa: string) => `ストレージ アカウント ${sa} を経由してステージングされるデータ`,
  },
  facts: {
    point: '復旧ポイント',
    kind: '復元の種類',
    region: 'リージョン',
    rg: 'リソース グループ',
    storage: 'ストレージ アカウント',
    vmName: '新しい VM',
    bek: 'ディスク暗号化キー（BEK、シークレット）',
    kek: 'キー暗号化キー（KEK）',
  },
  keyIn: (url: string, vault: string) => `${url}（Key Vault ${vault}）`,
  confirmButton: '復元する',
  invalid: {
    point: 'カードに表示された復旧ポイントから選んでください。',
    kind: 'カードに表示された復元の種類から選んでください。',
    resourceGroup:
      '復元先のリソース グループは、このサブスクリプション内のリソース グループ名（英数字と - _ . ( ) で 1〜90 文字）で指定してください。',
    otherSubscription:
      '復元は同じサブスクリプション内に限られます（ADE VM はサブスクリプションをまたいで復元できません）。',
    storage:
      'ステージング用ストレージ アカウントは英小文字と数字 3〜24 文字で指定してください（リソースグループ/名前 も可）。',
    region: 'リージョン間の復元は、コンテナーでリージョン間の復元が有効な場合に限り、ペア リージョンへのみ可能です。',
    crrTier:
      'ADE VM のリージョン間の復元には、コンテナー層の復旧ポイントが必要です（スナップショットのみのポイントは不可）。',
    crrFromPortal:
      'このコンテナーではペア リージョンへのリージョン間の復元が可能ですが、ポータル（バックアップ項目 → セカンダリ リージョン → 復元）から開始してください。チャットからはコンテナーのリージョンに復元します。',
    vmName: '新しい VM には名前（英数字と - _ で 1〜64 文字）とサブネット リソース ID が必要です。',
    pointGone:
      'その復旧ポイントはもう存在しません（期限切れの可能性があります）。**<vm> を復元** をもう一度実行して、最新の一覧から選んでください。',
    pointKeysMissing:
      'その復旧ポイントは ADE で暗号化されていますが、Azure Backup がキーの詳細（BEK/KEK）を返さなかったため、正しいキーで復元できません。VM の現在のキーは使いません（その後ローテーションされている可能性があります）。別のポイントを選ぶか、ポータルからキーを指定して復元してください。',
    nothingChanged: '何も変更していません。',
  },
  startingTitle: (vm: string) => `${vm} の復元を開始しています`,
  starting: (who: string) => `実行者: ${who}。ジョブ カードがこのスレッドに続けて表示されます。`,
  failed: (vm: string, reason: string) => `❌ **${vm}** の復元を開始できませんでした。${reason}`,
  cancelled: (who: string) => `${who} がキャンセルしました。Azure には何も変更していません。`,
  adeNextSteps: [
    '1. この VM の BEK シークレット（および KEK キー）が Key Vault にまだ存在することを確認してください。削除されている場合は、ジョブが書き出したキー/シークレットのバックアップから先に復元してください。そうしないと VM の作成が DiskEncryptionInternalError で失敗します。',
    '2. 復元したディスクから VM を作成するか、ジョブがステージング用ストレージ アカウントに書き出したテンプレートをデプロイしてください。',
    '3. Linux VM の場合: 新しい VM に Azure Disk Encryption 拡張機能を再インストールしてください。',
  ],
  fileRestorePortal: (vm: string) =>
    `**${vm}** のファイルの回復は、ポータルのスクリプトで復旧ポイントを VM にマウントして行います（バックアップ項目 → ファイルの回復）。チャットからは実行しません。ディスクの復元または新しい VM の作成には **${vm} を復元** を使用してください。`,
};
