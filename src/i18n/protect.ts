/** Strings for `protect` (`protectJa` must match `protectEn`). */
export const protectEn = {
  usage: 'protect <vm> [with <policy>]',
  description: 'Enable backup of a VM in the vault of its region, with a policy you choose.',
  title: (vm: string) => `Protect ${vm}`,
  alreadyProtected: (vm: string, policy: string, vault: string) =>
    `**${vm}** is already protected with **${policy}** in ${vault}.`,
  noVaultInRegion: (vm: string, region: string, vaults: string) =>
    `No configured Recovery Services vault is in **${region}**, the region of ${vm}. Configured vaults: ${vaults}. Add a vault in ${region} to RECOVERY_VAULT_IDS.`,
  noPolicies: (vault: string) => `Vault ${vault} has no Azure VM backup policies. Create one in the vault first.`,
  unknownPolicy: (policy: string, available: string) =>
    `The vault has no policy named **${policy}**. Available: ${available}.`,
  vault: 'Vault',
  policyLabel: 'Backup policy',
  kvWarning: (vault: string) =>
    `⚠️ Azure Backup cannot read Key Vault **${vault}**: enabling protection and every backup fail with UserErrorKeyVaultPermissionsNotConfigured until access is granted. Request access first.`,
  agentWarning: '⚠️ The VM agent is not ready: enabling protection needs it to install the backup extension.',
  confirmButton: 'Enable protection',
  startingTitle: (vm: string) => `Enabling protection of ${vm}`,
  starting: (who: string, policy: string) => `Requested by ${who} with ${policy}. The job card follows in this thread.`,
  enabled: (vm: string, policy: string) => `✅ **${vm}** is now protected with **${policy}**.`,
  failed: (vm: string, reason: string) => `❌ Protection of **${vm}** could not be enabled. ${reason}`,
  cancelled: (who: string) => `Cancelled by ${who}. Nothing was changed in Azure.`,
  schedule: {
    Daily: (times: string, tz: string) => `Daily at ${times}${tz ? ` (${tz})` : ''}`,
    Weekly: (days: string, times: string, tz: string) => `Weekly on ${days} at ${times}${tz ? ` (${tz})` : ''}`,
    Hourly: (every: number, start: string, hours: number, tz: string) =>
      `Every ${every} hours from ${start} for ${hours} hours${tz ? ` (${tz})` : ''}`,
  },
  retention: {
    daily: (n: number) => `daily points ${n} days`,
    weekly: (n: number) => `weekly ${n} weeks`,
    monthly: (n: number) => `monthly ${n} months`,
    yearly: (n: number) => `yearly ${n} years`,
    instant: (n: number) => `instant restore ${n} days`,
  },
};

export const protectJa: typeof protectEn = {
  usage: '<vm> を保護 [<policy> で]',
  description: 'VM のリージョンのコンテナーで、選んだポリシーによりバックアップを有効にします。',
  title: (vm: string) => `${vm} を保護`,
  alreadyProtected: (vm: string, policy: string, vault: string) =>
    `**${vm}** は既に ${vault} で **${policy}** により保護されています。`,
  noVaultInRegion: (vm: string, region: string, vaults: string) =>
    `${vm} のリージョン **${region}** に設定済みの Recovery Services コンテナーがありません。設定済みのコンテナー: ${vaults}。${region} のコンテナーを RECOVERY_VAULT_IDS に追加してください。`,
  noPolicies: (vault: string) =>
    `コンテナー ${vault} に Azure VM のバックアップ ポリシーがありません。先にコンテナーでポリシーを作成してください。`,
  unknownPolicy: (policy: string, available: string) =>
    `コンテナーに **${policy}** というポリシーはありません。利用可能: ${available}。`,
  vault: 'コンテナー',
  policyLabel: 'バックアップ ポリシー',
  kvWarning: (vault: string) =>
    `⚠️ Azure Backup が Key Vault **${vault}** を読み取れません。アクセスが付与されるまで、保護の有効化とすべてのバックアップは UserErrorKeyVaultPermissionsNotConfigured で失敗します。先にアクセスを申請してください。`,
  agentWarning:
    '⚠️ VM エージェントの準備ができていません。保護を有効にするにはバックアップ拡張機能のインストールにエージェントが必要です。',
  confirmButton: '保護を有効にする',
  startingTitle: (vm: string) => `${vm} の保護を有効にしています`,
  starting: (who: string, policy: string) =>
    `実行者: ${who}、ポリシー: ${policy}。ジョブ カードがこのスレッドに続けて表示されます。`,
  enabled: (vm: string, policy: string) => `✅ **${vm}** は **${policy}** で保護されました。`,
  failed: (vm: string, reason: string) => `❌ **${vm}** の保護を有効にできませんでした。${reason}`,
  cancelled: (who: string) => `${who} がキャンセルしました。Azure には何も変更していません。`,
  schedule: {
    Daily: (times: string, tz: string) => `毎日 ${times}${tz ? `（${tz}）` : ''}`,
    Weekly: (days: string, times: string, tz: string) => `毎週 ${days} ${times}${tz ? `（${tz}）` : ''}`,
    Hourly: (every: number, start: string, hours: number, tz: string) =>
      `${start} から ${hours} 時間、${every} 時間ごと${tz ? `（${tz}）` : ''}`,
  },
  retention: {
    daily: (n: number) => `日次 ${n} 日`,
    weekly: (n: number) => `週次 ${n} 週`,
    monthly: (n: number) => `月次 ${n} か月`,
    yearly: (n: number) => `年次 ${n} 年`,
    instant: (n: number) => `インスタント リストア ${n} 日`,
  },
};
