/** 日本語メッセージカタログ。`Messages` 型により英語版と同じキーをすべて持つ必要があります。 */
import { adeJa } from './ade';
import { approvalJa } from './approval';
import { backupJa } from './backup';
import { lifecycleJa } from './lifecycle';
import { protectJa } from './protect';
import { restoreJa } from './restore';
import { watchJa } from './watch';
import type { Messages } from './en';

export const ja: Messages = {
  backup: backupJa,
  approval: approvalJa,
  protect: protectJa,
  restore: restoreJa,
  watch: watchJa,
  ade: adeJa,
  lifecycle: lifecycleJa,
  common: {
    cancel: 'キャンセル',
    none: 'なし',
    unknown: '不明',
    simulatorNote:
      '組み込みの Azure シミュレーターで動作中です（AZURE_SUBSCRIPTION_ID 未設定）。実際の Azure には一切影響しません。',
    correlation: (id: string) => `参照番号: ${id}`,
    consistency: {
      AppConsistent: 'アプリケーション整合性',
      ApplicationConsistent: 'アプリケーション整合性',
      FileSystemConsistent: 'ファイル システム整合性',
      CrashConsistent: 'クラッシュ整合性',
    },
    never: 'なし',
    buttons: {
      grant: 'Key Vault のアクセスを申請',
      backup: '今すぐバックアップ',
      protect: '保護する',
    },
    facts: {
      vm: 'VM',
      vault: 'コンテナー',
      encryption: '暗号化',
    },
    cancelledTitle: 'バックアップをキャンセルしました',
    refused: {
      used: (who: string, when: string) => `これは ${when} に ${who} が既に開始しています。2 回目は開始していません。`,
      cancelled: (who: string, when: string) =>
        `この要求は ${when} に ${who} がキャンセルしました。何も開始していません。`,
      expired:
        'このカードは期限切れです（確認の有効期間は 15 分）。何も開始していません。もう一度コマンドを実行してください。',
      missing: 'このカードは無効です。何も開始していません。もう一度コマンドを実行してください。',
      failed: (code: string) => `これは開始できませんでした（${code}）。もう一度コマンドを実行してください。`,
    },
    interrupted: (vm: string, who: string) =>
      `⚠️ ${who} が確認した **${vm}** の要求は、Azure に届く前に再起動で中断されました。何も開始していません。もう一度コマンドを実行してください。`,
    operation: {
      Backup: 'バックアップ',
      Restore: '復元',
      ConfigureBackup: '保護の有効化',
      CrossRegionRestore: 'リージョン間の復元',
      ...lifecycleJa.jobOperation,
    },
    jobStatus: {
      InProgress: '⏳ 実行中',
      Completed: '✅ 完了',
      CompletedWithWarnings: '⚠️ 警告付きで完了',
      Failed: '❌ 失敗',
      Cancelled: '🚫 キャンセル済み',
      Cancelling: '🚫 キャンセル中',
    },
    duration: (ms: number) => {
      const min = Math.round(ms / 60000);
      return min < 1
        ? `${Math.max(1, Math.round(ms / 1000))} 秒`
        : min < 120
          ? `${min} 分`
          : `${Math.floor(min / 60)} 時間 ${min % 60} 分`;
    },
  },
  help: {
    title: '暗号化 VM の Azure Backup',
    intro: 'チャネルでメンションするか、直接メッセージしてください。コマンド一覧:',
    operatorsOnly: 'オペレーターのみ',
    approversOnly: '承認者のみ',
    roles: (operators: string, approvers: string) => `オペレーター: ${operators}。承認者: ${approvers}。`,
    everyone: '全員（シミュレーターモード）',
    nobodyConfigured: 'なし（設定で指定してください）',
    count: (n: number) => `${n} 名を設定済み`,
  },
  unknown: {
    text: (input: string) => `「${input}」は理解できませんでした。`,
    closest: (usage: string) => `**${usage}** のことですか？ できることの一覧は **help** と入力してください。`,
    noClosest: 'できることの一覧は **help**（または **ヘルプ**）と入力してください。',
    empty: 'こんにちは！ **ヘルプ** と入力すると使い方を表示します。',
  },
  commands: {
    help: { usage: 'ヘルプ', description: 'コマンドの一覧を表示します。' },
    check: {
      usage: '<vm> をチェック',
      description:
        '事前チェック: 暗号化の種類、Azure Backup の Key Vault アクセス、VM エージェント、保護状態、ADE の制限。',
    },
  },
  access: {
    operatorsOnly:
      '申し訳ありません。この操作はバックアップ オペレーターのみ実行できます。オペレーターは BACKUP_OPERATOR_IDS に登録された方です。オペレーターに依頼するか、ボット管理者に追加を依頼してください。',
    approversOnly:
      '申し訳ありません。この操作は承認者のみ実行できます。承認者は BACKUP_APPROVER_IDS に登録された方です。',
    unknownAction: 'このカードは古いバージョンのボットのもので、現在は使えません。コマンドをもう一度実行してください。',
    malformedAction: 'このカードのデータが正しくありません。コマンドをもう一度実行して新しいカードを表示してください。',
  },
  vmLookup: {
    chosen: (vm: string) => `${vm} を処理しています…`,
    notFound: (name: string) =>
      `サブスクリプションに **${name}** という VM は見つかりませんでした。名前を確認するか、**リソースグループ/VM名** の形式で指定してください。`,
    choose: (name: string, n: number) => `**${name}** という VM が ${n} 台あります。どれですか？`,
    invalidName: (name: string) =>
      `「${name}」は有効な VM 名ではありません（英数字・'-'・'_'・'.' で 1〜64 文字。**リソースグループ/VM名** も可）。`,
    missingName: (usage: string) => `どの VM ですか？ 使い方: **${usage}**`,
  },
  encryption: {
    PMK: 'プラットフォーム マネージド キー (SSE)',
    CMK: 'カスタマー マネージド キー（ディスク暗号化セットによる SSE）',
    ADE_BEK: 'Azure Disk Encryption、BEK のみ（Key Vault のシークレット）',
    ADE_BEK_KEK: 'Azure Disk Encryption、BEK + KEK（キーでラップされたシークレット）',
  },
  check: {
    title: (vm: string) => `${vm} の事前チェック`,
    vm: 'VM',
    encryption: '暗号化',
    disks: 'ディスク',
    managed: (n: number) => `マネージド ディスク ${n} 個`,
    unmanaged: (n: number) => `アンマネージド ディスク (VHD) ${n} 個`,
    keyVault: 'Key Vault',
    permissionModel: { accessPolicy: 'アクセス ポリシー', rbac: 'Azure RBAC' },
    backupAccess: 'バックアップのアクセス権',
    accessGranted: (via: string) => `✅ Backup Management Service はキーを読み取れます（${via}）`,
    accessMissing: (missing: string) => `❌ Backup Management Service に不足している権限: ${missing}`,
    accessUnknown: (code: string) => `⚠️ コンテナーを読み取れませんでした（${code}）`,
    viaPolicy: 'アクセス ポリシー',
    agent: 'VM エージェント',
    agentState: { Ready: '✅ 準備完了', NotReady: '❌ 準備未完了', Unknown: '⚠️ 不明' },
    protection: '保護',
    protectedIn: (vault: string, policy: string) => `✅ ${vault} で ${policy} により保護中`,
    notProtected: '❌ 保護されていません',
    lastBackup: '最終バックアップ',
    lastBackupValue: (status: string, when: string) => `${status}、${when}`,
    limitsTitle: 'ADE 暗号化 VM の制限',
    limits: [
      'ディスクの復元または新しい VM の作成のみ可能です（「既存の置き換え」は不可）。',
      'ファイル/フォルダー単位の復元は不可: ディスクを復元して別の VM に接続してください。',
      'バックアップと復元は同じサブスクリプション内のみです。',
      'リージョンをまたぐ復元はペア リージョンへのみ可能です。',
      '復元したディスクから VM を作成する前に、BEK/KEK が Key Vault に存在している必要があります。',
    ],
    allGood: '✅ バックアップの準備ができています。修正は不要です。',
    problemsTitle: '対処が必要な項目',
    problems: {
      KeyVaultAccessMissing: (vault: string) =>
        `Azure Backup は Key Vault **${vault}** を読み取れません。バックアップは UserErrorKeyVaultPermissionsNotConfigured で失敗します。アクセスを申請してください（承認者の承認が必要です）。`,
      KeyVaultUnreadable: (vault: string, code: string) =>
        `Key Vault **${vault}** を読み取れず（${code}）、Azure Backup のアクセス権を確認できませんでした。ボットの ID にコンテナーの閲覧者ロールを付与してください。`,
      AgentNotReady:
        'VM エージェントの準備ができていません。バックアップはエージェント経由で拡張機能をインストールします。VM を起動し、エージェントを確認してください（Windows: "RdAgent"/"WindowsAzureGuestAgent" サービス、Linux: waagent）。',
      NotProtected: 'この VM はまだ保護されていません。**<vm> を保護** でバックアップを有効にしてください。',
      ProtectionUnhealthy: (state: string) =>
        `保護の状態が **${state}** です。コンテナーで直近のエラーを確認してください。`,
    },
  },
  errors: {
    generic: 'ボット側で問題が発生しました。もう一度お試しください。繰り返し発生する場合は管理者に連絡してください。',
    azure: (code: string, advice: string) => `Azure から **${code}** が返されました。${advice}`,
    azureAdvice: {
      AuthorizationFailed:
        'ボットの ID にこの操作に必要な Azure ロールがありません。README に記載のロール（チェックは閲覧者、バックアップはバックアップ オペレーター）を付与してください。',
      ResourceNotFound: 'リソースが存在しないか、ボットから参照できません。',
      ResourceGroupNotFound: 'このサブスクリプションにそのリソース グループはありません。',
      TooManyRequests: 'Azure が要求を制限しています。1 分ほど待ってから再試行してください。',
      AzureUnreachable: 'Azure に時間内に接続できませんでした。1 分後に再試行してください。',
      InvalidInput: '名前を確認して再試行してください。',
      ProtectableItemNotFound:
        'コンテナーを更新しても Azure Backup がこの VM を検出できません。VM がコンテナーと同じサブスクリプション・リージョンにあり、実行中であることを確認してください。',
      OperationTimedOut:
        'Azure は要求を受け付けましたが、時間内に完了しませんでした。再試行する前にコンテナーのジョブを確認してください。',
      UserErrorOriginalLocationRestoreNotSupportedForEncryptedVm:
        'ADE で暗号化された VM では「既存の置き換え」はサポートされていません。ディスクの復元または新しい VM の作成を使用してください。',
      UserErrorCrossSubscriptionRestoreNotSupported:
        'ADE で暗号化された VM の復元は同じサブスクリプション内に限られます。',
      RecoveryPointKeysMissing:
        '復旧ポイントは ADE で暗号化されていますが、キーの詳細（BEK/KEK）がないため復元していません。VM の現在のキーが必要なキーとは限りません。別のポイントを選ぶか、ポータルからキーを指定して復元してください。',
      default: '数分後に再試行してください。失敗が続く場合は、要求 ID を Azure 管理者に伝えてください。',
    },
    requestId: (id: string) => `Azure 要求 ID: ${id}`,
  },
  job: {
    title: (operation: string, vm: string) => `${operation} · ${vm}`,
    starting: '⏳ 開始しています…',
    currentTask: (task: string) => `現在のステップ: ${task}`,
    stepAt: (task: string, time: string) => `${time} 時点のステップ: ${task}`,
    vm: 'VM',
    vault: 'コンテナー',
    started: '開始',
    duration: '所要時間',
    startedBy: '実行者',
    jobId: 'ジョブ ID',
    retainUntil: '保持期限',
    final: {
      Completed: (op: string, vm: string, took: string) => `✅ **${vm}** の${op}が完了しました（${took}）。`,
      CompletedWithWarnings: (op: string, vm: string, took: string) =>
        `⚠️ **${vm}** の${op}は警告付きで完了しました（${took}）。詳細はジョブ カードを確認してください。`,
      Failed: (op: string, vm: string, code: string) =>
        `❌ **${vm}** の${op}は **${code}** で失敗しました。対処方法は上のジョブ カードを確認してください。`,
      Cancelled: (op: string, vm: string) => `🚫 **${vm}** の${op}はキャンセルされました。`,
    },
    nextStepsTitle: '次の手順',
  },
  advice: {
    userErrorKeyVaultPermissionsNotConfigured: {
      meaning: 'Azure Backup がこの VM のディスク暗号化キーを保管する Key Vault を読み取れません。',
      next: 'Backup Management Service に Key Vault へのアクセス権（キーとシークレットの get・list・backup、RBAC の場合は Key Vault 管理者）を付与してから、もう一度バックアップしてください。',
    },
    userErrorEncryptedVmNotSupportedWithDiskEx: {
      meaning: '暗号化された VM ではディスクの除外はサポートされていません。',
      next: 'すべてのディスクをバックアップしてください。保護設定からディスクの除外を外し、もう一度バックアップしてください。',
    },
    diskEncryptionInternalError: {
      meaning: 'この復元に必要なキーまたはシークレットが Key Vault にありません。',
      next: '先に KEK と BEK を Key Vault に復元してから（復元ジョブが出力したキー/シークレット情報を使用）、VM の復元または作成をやり直してください。',
    },
    bcmProtGetSaSUriAsyncError: {
      meaning: 'Recovery Services コンテナーがディスク暗号化セットのカスタマー マネージド キーを使用できません。',
      next: 'ディスク暗号化セットの Key Vault で、コンテナーのマネージド ID にキーへのアクセス権（get・wrapKey・unwrapKey）を付与してください。',
    },
    extensionSnapshotBitlockerError: {
      meaning:
        'スナップショットに失敗しました。ドライブが BitLocker でロックされているか、ボリューム シャドウ コピー サービスに問題があります。',
      next: 'VM 内のすべての BitLocker ドライブのロックを解除し、VSS サービスが動作していることを確認してから、もう一度バックアップしてください。',
    },
    userErrorGuestAgentStatusUnavailable: {
      meaning: 'VM エージェントに接続できないため、Backup が拡張機能を実行できません。',
      next: 'VM を起動し、VM エージェントがインストールされ動作していることを確認してから（Windows: WindowsAzureGuestAgent サービス、Linux: waagent）、もう一度バックアップしてください。',
    },
    default: {
      meaning: 'Azure Backup がエラーを報告しました。',
      next: 'Recovery Services コンテナーでジョブの詳細を確認し、表示された内容を修正してから再試行してください。',
    },
  },
  time: {
    ago: (minutes: number) =>
      minutes < 1
        ? 'たった今'
        : minutes < 60
          ? `${minutes} 分前`
          : minutes < 48 * 60
            ? `${Math.round(minutes / 60)} 時間前`
            : `${Math.round(minutes / 1440)} 日前`,
  },
};
