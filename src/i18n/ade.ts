/** Strings for `ade report` and `ade plan` (`adeJa` must match `adeEn`). */
/** A point's expiry or a Key Vault's end of hold: a time, or 'indefinite' (points kept until deleted). */
type Until = number | 'indefinite';
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const list = (names: string[], max = 8) =>
  names.length > max ? `${names.slice(0, max).join(', ')} (+${names.length - max})` : names.join(', ');

export const adeEn = {
  usage: { report: 'ade report', plan: 'ade plan <vm> [new <new vm>]', protectNew: 'ade plan <vm> protect' },
  description: {
    report:
      'ADE retires on 15 Sep 2028: where the subscription stands — paths, blockers, backup exposure, key holds and plans. Read-only.',
    plan: "One ADE VM's move to encryption at host, step by step; the bot takes the backup steps (each confirmed on a card).",
    protectNew:
      "Step 2 of an ADE plan: protect the linked new VM with the old VM's policy (Enhanced for Trusted Launch).",
  },
  /** When a point expires ('indefinite': never — its protection was stopped keeping the data). */
  expiry: (u: Until) => (u === 'indefinite' ? 'never (protection stopped, points kept)' : isoDay(u)),
  /** How long a Key Vault must be kept. */
  until: (u: Until) =>
    u === 'indefinite' ? 'for as long as the points are kept (no expiry: protection stopped)' : `until ${isoDay(u)}`,
  guard: {
    atRisk: (name: string, vms: string[], until: string, risks: string) =>
      `❌ Key hold at risk: Key Vault **${name}** holds the keys of ADE recovery points of ${list(vms, 4)}, to keep ${until}, but ${risks}. Fix: \`az keyvault update --name ${name} --enable-purge-protection true --enabled-for-disk-encryption true\` (a deleted vault: \`az keyvault recover --name ${name}\`).`,
    risks: {
      deleted: 'it is not in the subscription any more (deleted?)',
      softDeleteOff: 'soft delete is off',
      purgeProtectionOff: 'purge protection is off',
      diskEncryptionOff: 'enabledForDiskEncryption is off',
    } as Record<string, string>,
    alertTitle: (name: string) => `Key hold at risk: ${name}`,
    restoredStillAde: (vm: string) =>
      `⚠️ The restored disks are still ADE-encrypted (ADE is not removed by a restore), and ADE retires on 15 September 2028: a VM built from them needs the same move to encryption at host — **ade plan <vm>** once it exists (${vm} is where they came from).`,
  },
  plan: {
    title: (vm: string) => `Migration plan: ${vm} → encryption at host`,
    noInPlace:
      'No ADE VM can be moved in place: encryption at host can never be turned on for a VM or disk that ever had ADE, so the data moves to new disks or a new VM.',
    why: {
      A: (os: string, volumeType: string) =>
        os === 'Windows'
          ? `**Path A** (Windows): ADE is disabled on every volume (VolumeType ${volumeType}), the disks are copied block by block to new Upload disks, and a new VM is created from the copies with encryption at host.`
          : `**Path A** (Linux, data disks only): ADE is disabled on the data volumes (VolumeType ${volumeType}), the disks are copied to new Upload disks, and a new VM is created from them with encryption at host. Fix /etc/fstab to mount the data volumes by filesystem UUID.`,
      B: () =>
        '**Path B** (Linux with an encrypted OS disk): no volume of it can be decrypted, so a new VM is built from an image with encryption at host and the data is copied over (a block copy of a LUKS disk would stay encrypted).',
      aad: (then: string) =>
        `ADE with an Entra (AAD) app: first migrate it to single pass, then follow **path ${then}**.`,
      unmanaged: (then: string) =>
        `Unmanaged (VHD) disks, retired on 31 March 2026: convert the VM to managed disks first, then follow **path ${then}** (no source covers encryption at host for unmanaged disks).`,
    },
    vm: 'VM',
    disks: 'Disks',
    disksValue: (n: number, gb: number) => `${n} managed disk(s), ${gb} GB`,
    keyVaults: 'Key Vaults of its keys',
    backup: 'Backup',
    backupValue: (vault: string, policy: string, last: string) => `${vault} · ${policy} · last backup ${last}`,
    notProtected: 'not protected',
    stage: 'Plan',
    stageValue: (stage: string, since: string, who: string) => `${stage} (planned ${since} by ${who})`,
    newVm: 'New VM',
    newVmValue: (vm: string, when: string, who: string) => `${vm} (linked ${when} by ${who})`,
    keysHeld: 'Keys held',
    keysHeldValue: (vaults: string, until: string) => `${vaults}: ${until} (estimated from the policy)`,
    prereqTitle: 'Before you start',
    prereq: {
      featureOk: "✅ The subscription's EncryptionAtHost feature is Registered.",
      feature: (state: string) =>
        `❌ The subscription's Microsoft.Compute/EncryptionAtHost feature is ${state}. Fix: \`az feature register --namespace Microsoft.Compute --name EncryptionAtHost\`, then \`az provider register -n Microsoft.Compute\`.`,
      sizeOk: (size: string, region: string) => `✅ ${size} supports encryption at host in ${region}.`,
      size: (size: string, region: string, nearest?: string) =>
        `❌ ${size} has no encryption at host in ${region}. Fix: ${nearest ? `create the new VM as **${nearest}** (the nearest supported size of its family)` : 'pick a size of another family that supports it'}.`,
      protectedOk: '✅ Azure Backup protects the VM, so a fresh backup can be taken first.',
      protected: (vm: string) =>
        `❌ Azure Backup does not protect the VM, so no backup can be taken before the move. Fix: **protect ${vm}**.`,
      keyVaultOk: (name: string) =>
        `✅ Key Vault ${name}: soft delete and purge protection on, enabledForDiskEncryption on.`,
      keyVault: (name: string, risks: string) =>
        `❌ Key Vault ${name}: ${risks}. Its keys must outlive every ADE point. Fix: \`az keyvault update --name ${name} --enable-purge-protection true --enabled-for-disk-encryption true\`.`,
      risks: {
        deleted: 'not found (deleted?)',
        softDeleteOff: 'soft delete off',
        purgeProtectionOff: 'purge protection off',
        diskEncryptionOff: 'enabledForDiskEncryption off',
      } as Record<string, string>,
      singlePass: (rg: string, vm: string) =>
        `❌ ADE still uses its Entra app. Fix: migrate to single pass with Az PowerShell: \`Set-AzVMDiskEncryptionExtension -ResourceGroupName ${rg} -VMName ${vm} -Migrate\`.`,
      convert: (rg: string, vm: string) =>
        `❌ The VM has unmanaged disks. Fix: \`az vm deallocate --resource-group ${rg} --name ${vm}\`, then \`az vm convert --resource-group ${rg} --name ${vm}\`.`,
    },
    downtimeTitle: 'Downtime to expect',
    downtime: {
      A: (gb: number) =>
        `From the deallocation until the new VM starts: copying ${gb} GB of disks and creating the VM (Microsoft's lab walkthrough saw 30–60 minutes). Decryption runs before that, with the VM up, and may restart it. A domain-joined VM: unjoin before deleting the old one, join the new one after.`,
      B: () =>
        'The new VM runs beside the old one while the data is copied; the downtime is the final sync and the switch of clients to the new VM.',
    },
    stepsTitle: 'Steps',
    icons: { done: '✅', next: '👉', later: '○' } as Record<string, string>,
    step: {
      backup: (vm: string) =>
        `Back up **${vm}** now, before anything else — done by the bot (a card to confirm, the job followed in this thread).`,
      runbook: () => "Move the data — the commands below, run by the VM's owner (the bot never runs them).",
      link: (vm: string) =>
        `Link the new VM: **ade plan ${vm} new <new vm>** (the bot checks encryption at host on, no ADE, same region and subscription).`,
      protectNew: (vm: string) =>
        `Protect the new VM with ${vm}'s policy (an Enhanced one for Trusted Launch) — done by the bot.`,
      stopOld: (vm: string) =>
        `Stop protection of **${vm}** keeping its recovery points (never deleting them) — a critical operation, done with **stop backup ${vm}** and approved as the team's critical operations are. Its Key Vaults are then held for as long as the points are kept.`,
    } as Record<string, (vm: string) => string>,
    doneAt: (when: string) => ` — done ${when}`,
    runbookTitle: (vm: string) =>
      `Runbook for ${vm} (copy and run in Azure Cloud Shell or with az; none of it is run by the bot)`,
    runbookStep: {
      singlePass: () => 'Migrate ADE to single pass (Az PowerShell)',
      convert: () => 'Convert to managed disks (the VM is deallocated)',
      disable: () => 'Disable ADE (the VM may restart)',
      waitDecrypt: () =>
        'Wait until the guest reports every volume decrypted (Windows: "Fully Decrypted"; Linux: no crypt mapping left)',
      removeExtension: () => 'Remove the ADE extension, by its name on this VM (after disabling, never before)',
      deallocate: () => 'Deallocate the VM',
      copyDisk: (disk?: string) =>
        `Copy ${disk ?? 'the disk'} to a new Upload disk (source size + 512 bytes) and revoke both SAS`,
      createVm: () => 'Create the new VM from the copies, with encryption at host',
      newFromImage: () => 'Create the new VM from the image, with encryption at host',
      newDataDisk: (disk?: string) => `A new empty disk for the data of ${disk ?? 'a data disk'}`,
      copyData: () =>
        'Copy the data from the old VM (which still unlocks its volumes), or restore it from the application',
      retireOld: () => 'After the final sync: deallocate the old VM',
    } as Record<string, (disk?: string) => string>,
    backupButton: 'Back up now',
    protectButton: 'Protect',
    protectNewButton: (vm: string, policy: string) => `Protect ${vm} with ${policy}`,
    stopButton: (vm: string) => `Stop backup of ${vm} (keep its points)`,
    notAde: (vm: string) =>
      `**${vm}** does not use ADE: there is nothing to migrate. (**ade report** lists the VMs that do.)`,
    linked: (old: string, vm: string) => `✅ **${vm}** is linked as the new VM of **${old}**.`,
    linkRefused: (vm: string, reasons: string) => `❌ **${vm}** cannot be the new VM: ${reasons}. Nothing was linked.`,
    linkFailures: {
      same: 'it is the old VM itself',
      noEah: 'encryption at host is off (create it with --encryption-at-host true)',
      ade: 'it uses ADE',
      region: 'it is in another region',
      subscription: 'it is in another subscription',
    } as Record<string, string>,
    linkTooLate: (vm: string) => `The new VM of **${vm}** is already protected: the link stays as it is.`,
    noPlan: (vm: string) => `There is no migration plan for **${vm}**: run **ade plan ${vm}** first.`,
    notYet: (vm: string) =>
      `Not yet: the plan of **${vm}** needs the pre-migration backup done and the new VM linked first.`,
    policyWhy: {
      same: (policy: string) => `the old VM's policy ${policy}`,
      enhanced: (policy: string) => `the Enhanced policy ${policy}: the new VM uses Trusted Launch, which needs one`,
      default: (policy: string) => `${policy} (the old VM's policy is not in this vault)`,
    } as Record<string, (policy: string) => string>,
    noEnhanced: (vault: string) =>
      `The new VM uses Trusted Launch, which needs an Enhanced policy, and vault ${vault} has none: create one in the vault, then click again.`,
    choosing: (vm: string, why: string) => `Protecting **${vm}** with ${why}: confirm on the card below.`,
    progressBackup: (vm: string, when: string) =>
      `✅ Migration of **${vm}**, step 1 done: the pre-migration backup completed ${when}. Next: move the data (the runbook on **ade plan ${vm}**).`,
    progressProtected: (vm: string, newVm: string, vaults: string, until: string) =>
      `✅ Migration of **${vm}**: the new VM **${newVm}** is protected. Key hold recorded: keep ${vaults} ${until}. Next: stop protection of ${vm} keeping its points.`,
    progressStopped: (vm: string, vaults: string, until: string) =>
      `✅ Migration of **${vm}** done: its protection is stopped with every recovery point kept. Keep ${vaults} ${until}; the report shows the hold.`,
  },
  report: {
    title: 'ADE retirement: where we stand',
    daysLeft: (n: number) =>
      `**${n} days** left until 15 September 2028: ADE disks then fail to unlock after a reboot, ADE backups are blocked and restores may not work.`,
    adeVms: 'VMs still on ADE',
    adeOf: (ade: number, total: number) => `${ade} of ${total}`,
    pathA: 'Path A: decrypt, copy to new disks, new VM with encryption at host',
    pathB: 'Path B: Linux with an encrypted OS disk — rebuild from an image, copy the data',
    aad: 'ADE with an Entra app: migrate to single pass first',
    unmanaged: 'Unmanaged disks: convert to managed first',
    eah: 'VMs with encryption at host',
    plans: 'Migration plans',
    stages: {
      planned: 'planned',
      backedUp: 'pre-migration backup done',
      newProtected: 'new VM protected',
      oldStopped: 'old VM stopped, keys held',
    } as Record<string, string>,
    planCounts: (parts: string[]) => (parts.length ? parts.join(' · ') : 'none yet (ade plan <vm>)'),
    blockersTitle: 'Blockers',
    noBlockers: '✅ Nothing blocks encryption at host.',
    feature: (state: string) =>
      `❌ The subscription's Microsoft.Compute/EncryptionAtHost feature is **${state}**, not Registered: no VM can get encryption at host. Fix: \`az feature register --namespace Microsoft.Compute --name EncryptionAtHost\`, then \`az provider register -n Microsoft.Compute\`.`,
    size: (size: string, region: string, vms: string[], nearest?: string) =>
      `❌ ${size} has no encryption at host in ${region} (${vms.length}: ${list(vms, 5)}). ${nearest ? `Nearest supported size of the same family: **${nearest}**.` : 'No size of its family has it: pick another family.'}`,
    vaultBlocker: (name: string) =>
      `❌ Key Vault **${name}** holds keys of live ADE recovery points but has no purge protection: a deleted vault could be purged with the only copy. Fix: \`az keyvault update --name ${name} --enable-purge-protection true\`.`,
    vaultGone: (name: string) =>
      `❌ Key Vault **${name}** holds keys of live ADE recovery points but is not in the subscription any more: restore it from soft delete (\`az keyvault recover --name ${name}\`) before it is purged.`,
    exposureTitle: 'Backup exposure',
    notProtected: (names: string[]) => `⚠️ ${names.length} ADE VM(s) not protected: ${list(names)}.`,
    lastFailed: (names: string[]) => `⚠️ ${names.length} ADE VM(s) whose last backup failed: ${list(names)}.`,
    atRisk: (points: number, vms: string[], latest: string) =>
      `⚠️ About ${points} ADE recovery point(s) of ${vms.length} VM(s) expire after 15 Sep 2028 (latest expiry: ${latest}): ${list(vms)}. They need their keys, and the ADE restore path, until then.`,
    noExposure: '✅ Every ADE VM is protected, no last backup failed, and no ADE point outlives 15 Sep 2028.',
    holdsTitle: 'Key holds (keep these Key Vaults, their keys and secrets, until)',
    hold: (name: string, until: string, vms: string[], flags: string) =>
      `${name}: ${until} · ${flags} · ${vms.length} VM(s): ${list(vms, 4)}`,
    flags: (softDelete: boolean, purge: boolean, disk: boolean) =>
      `soft delete ${softDelete ? '✅' : '❌'} purge protection ${purge ? '✅' : '❌'} enabledForDiskEncryption ${disk ? '✅' : '❌'}`,
    vaultMissing: '❌ not found (deleted?)',
    noHolds: 'No Key Vault holds keys of a live ADE recovery point.',
    moreHolds: (n: number) => `… and ${n} more (Show all).`,
    orphans: (names: string[]) =>
      `${names.length} protected item(s) whose VM no longer exists and that no plan accounts for (${list(names, 5)}): whether their points are ADE, and where their keys are, cannot be told from the lists; \`restore\` shows a point's keys.`,
    estimates:
      "Estimated, not read per point (that would cost a read per VM): when points expire comes from each policy's retention (daily/weekly/monthly/yearly; on-demand backups keep their own expiry), and a point's keys are taken to be in the Key Vault the VM's disks use now.",
    showAll: (n: number) => `Show all ${n} ADE VMs`,
    reading: '⏳ Reading the fleet lists…',
    pageTitle: (page: number, pages: number) => `ADE VMs, page ${page} of ${pages}`,
    row: (path: string, protection: string, points: string, vaults: string, stage: string) =>
      [path, protection, points, vaults, stage].filter(Boolean).join(' · '),
    paths: { A: 'path A', B: 'path B', aad: 'Entra app first', unmanaged: 'convert first' } as Record<string, string>,
    protection: {
      protected: 'protected',
      failed: 'last backup failed',
      stopped: 'protection stopped',
      none: 'not protected',
    } as Record<string, string>,
    sizeUnsupported: (size: string) => `${size} without EAH`,
    pointsPast: (n: number) => `~${n} point(s) past 2028`,
    stage: (s: string) => `plan: ${s}`,
    previous: 'Previous',
    next: 'Next',
    summary: 'Back to the summary',
  },
};

export const adeJa: typeof adeEn = {
  usage: {
    report: 'ADE レポート',
    plan: '<vm> の ADE 移行計画 [新VM <新しい vm>]',
    protectNew: '<vm> の ADE 移行計画 新VMを保護',
  },
  description: {
    report:
      'ADE は 2028 年 9 月 15 日に廃止されます。サブスクリプションの現状（移行パス、ブロッカー、バックアップのリスク、キーの保持、計画）を表示します。読み取りのみ。',
    plan: 'ADE VM 1 台をホストでの暗号化へ移す手順です。バックアップの手順はボットが行います（それぞれカードで確認）。',
    protectNew:
      'ADE 移行計画の手順 2: リンクした新しい VM を旧 VM のポリシー（Trusted Launch には Enhanced）で保護します。',
  },
  expiry: (u: Until) => (u === 'indefinite' ? 'なし（保護停止・ポイント保持）' : isoDay(u).replace(/-/g, '/')),
  until: (u: Until) =>
    u === 'indefinite' ? 'ポイントが保持される限り（期限なし: 保護停止）' : `${isoDay(u).replace(/-/g, '/')} まで`,
  guard: {
    atRisk: (name: string, vms: string[], until: string, risks: string) =>
      `❌ キーの保持に危険: Key Vault **${name}** は ${list(vms, 4)} の ADE 復旧ポイントのキーを保持しており、${until} 保持する必要がありますが、${risks}。対処: \`az keyvault update --name ${name} --enable-purge-protection true --enabled-for-disk-encryption true\`（削除された場合: \`az keyvault recover --name ${name}\`）。`,
    risks: {
      deleted: 'サブスクリプションに見つかりません（削除済み？）',
      softDeleteOff: '論理的な削除が無効です',
      purgeProtectionOff: '消去保護が無効です',
      diskEncryptionOff: 'enabledForDiskEncryption が無効です',
    },
    alertTitle: (name: string) => `キーの保持に危険: ${name}`,
    restoredStillAde: (vm: string) =>
      `⚠️ 復元したディスクは ADE で暗号化されたままです（復元では ADE は外れません）。ADE は 2028 年 9 月 15 日に廃止されるため、そのディスクから作成した VM も同じくホストでの暗号化への移行が必要です — 作成後に **<vm> の ADE 移行計画**（元は ${vm}）。`,
  },
  plan: {
    title: (vm: string) => `移行計画: ${vm} → ホストでの暗号化`,
    noInPlace:
      'ADE VM はその場で移行できません。ADE を一度でも使った VM やディスクではホストでの暗号化を有効にできないため、データを新しいディスクまたは新しい VM に移します。',
    why: {
      A: (os: string, volumeType: string) =>
        os === 'Windows'
          ? `**パス A**（Windows）: すべてのボリュームで ADE を無効にし（VolumeType ${volumeType}）、ディスクを新しい Upload ディスクにブロック コピーし、そのコピーからホストでの暗号化を有効にした新しい VM を作成します。`
          : `**パス A**（Linux、データ ディスクのみ）: データ ボリュームで ADE を無効にし（VolumeType ${volumeType}）、ディスクを新しい Upload ディスクにコピーし、ホストでの暗号化を有効にした新しい VM を作成します。/etc/fstab はファイルシステムの UUID でマウントするよう修正してください。`,
      B: () =>
        '**パス B**（OS ディスクが暗号化された Linux）: どのボリュームも暗号化を解除できないため、ホストでの暗号化を有効にした新しい VM をイメージから作成し、データをコピーします（LUKS ディスクのブロック コピーは暗号化されたままです）。',
      aad: (then: string) =>
        `Entra（AAD）アプリを使う ADE: 先にシングル パスへ移行し、その後 **パス ${then}** に進みます。`,
      unmanaged: (then: string) =>
        `非管理（VHD）ディスク（2026 年 3 月 31 日に廃止）: 先にマネージド ディスクへ変換し、その後 **パス ${then}** に進みます（非管理ディスクのホストでの暗号化に関する情報源はありません）。`,
    },
    vm: 'VM',
    disks: 'ディスク',
    disksValue: (n: number, gb: number) => `マネージド ディスク ${n} 個、${gb} GB`,
    keyVaults: 'キーの Key Vault',
    backup: 'バックアップ',
    backupValue: (vault: string, policy: string, last: string) => `${vault} · ${policy} · 前回のバックアップ ${last}`,
    notProtected: '未保護',
    stage: '計画',
    stageValue: (stage: string, since: string, who: string) => `${stage}（${since} に ${who} が計画）`,
    newVm: '新しい VM',
    newVmValue: (vm: string, when: string, who: string) => `${vm}（${when} に ${who} がリンク）`,
    keysHeld: '保持中のキー',
    keysHeldValue: (vaults: string, until: string) => `${vaults}: ${until}（ポリシーからの推定）`,
    prereqTitle: '開始前の確認',
    prereq: {
      featureOk: '✅ サブスクリプションの EncryptionAtHost 機能は Registered です。',
      feature: (state: string) =>
        `❌ サブスクリプションの Microsoft.Compute/EncryptionAtHost 機能が ${state} です。対処: \`az feature register --namespace Microsoft.Compute --name EncryptionAtHost\` の後 \`az provider register -n Microsoft.Compute\`。`,
      sizeOk: (size: string, region: string) => `✅ ${region} の ${size} はホストでの暗号化に対応しています。`,
      size: (size: string, region: string, nearest?: string) =>
        `❌ ${region} の ${size} はホストでの暗号化に対応していません。対処: ${nearest ? `新しい VM を **${nearest}**（同じファミリーで最も近い対応サイズ）で作成してください` : '対応する別のファミリーのサイズを選んでください'}。`,
      protectedOk: '✅ Azure Backup が VM を保護しているため、先に新しいバックアップを取れます。',
      protected: (vm: string) =>
        `❌ Azure Backup が VM を保護していないため、移行前のバックアップを取れません。対処: **${vm} を保護**。`,
      keyVaultOk: (name: string) =>
        `✅ Key Vault ${name}: 論理的な削除と消去保護が有効、enabledForDiskEncryption も有効です。`,
      keyVault: (name: string, risks: string) =>
        `❌ Key Vault ${name}: ${risks}。そのキーはすべての ADE ポイントより長く残す必要があります。対処: \`az keyvault update --name ${name} --enable-purge-protection true --enabled-for-disk-encryption true\`。`,
      risks: {
        deleted: '見つかりません（削除済み？）',
        softDeleteOff: '論理的な削除が無効',
        purgeProtectionOff: '消去保護が無効',
        diskEncryptionOff: 'enabledForDiskEncryption が無効',
      },
      singlePass: (rg: string, vm: string) =>
        `❌ ADE がまだ Entra アプリを使っています。対処: Az PowerShell でシングル パスへ移行: \`Set-AzVMDiskEncryptionExtension -ResourceGroupName ${rg} -VMName ${vm} -Migrate\`。`,
      convert: (rg: string, vm: string) =>
        `❌ VM が非管理ディスクを使っています。対処: \`az vm deallocate --resource-group ${rg} --name ${vm}\` の後 \`az vm convert --resource-group ${rg} --name ${vm}\`。`,
    },
    downtimeTitle: '想定される停止時間',
    downtime: {
      A: (gb: number) =>
        `割り当て解除から新しい VM の起動まで: ${gb} GB のディスクのコピーと VM の作成（Microsoft のラボ手順では 30〜60 分）。その前の暗号化解除は VM の稼働中に行われますが、再起動することがあります。ドメイン参加している VM は、旧 VM の削除前に参加を解除し、新しい VM を参加させてください。`,
      B: () =>
        'データのコピー中は新しい VM が旧 VM と並行して動作します。停止時間は最後の同期と、クライアントの新しい VM への切り替えです。',
    },
    stepsTitle: '手順',
    icons: { done: '✅', next: '👉', later: '○' },
    step: {
      backup: (vm: string) =>
        `何よりも先に **${vm}** を今すぐバックアップ — ボットが実行します（確認カード、ジョブはこのスレッドで追跡）。`,
      runbook: () => 'データを移す — 下のコマンドを VM の所有者が実行します（ボットは実行しません）。',
      link: (vm: string) =>
        `新しい VM をリンク: **${vm} の ADE 移行計画 新VM <新しい vm>**（ボットがホストでの暗号化が有効、ADE なし、同じリージョンとサブスクリプションであることを確認します）。`,
      protectNew: (vm: string) =>
        `新しい VM を ${vm} のポリシー（Trusted Launch には Enhanced ポリシー）で保護 — ボットが実行します。`,
      stopOld: (vm: string) =>
        `**${vm}** の保護を復旧ポイントを残したまま停止します（削除はしません）。重要な操作で、**${vm} のバックアップを停止** で行い、チームの重要な操作と同じく承認を受けます。その後、ポイントが保持される限りその Key Vault を保持します。`,
    },
    doneAt: (when: string) => ` — ${when} 完了`,
    runbookTitle: (vm: string) =>
      `${vm} のランブック（Azure Cloud Shell または az でコピーして実行。ボットは実行しません）`,
    runbookStep: {
      singlePass: () => 'ADE をシングル パスへ移行（Az PowerShell）',
      convert: () => 'マネージド ディスクへ変換（VM は割り当て解除されます）',
      disable: () => 'ADE を無効化（VM が再起動することがあります）',
      waitDecrypt: () =>
        'ゲストがすべてのボリュームの暗号化解除を報告するまで待つ（Windows: "Fully Decrypted"、Linux: crypt マッピングなし）',
      removeExtension: () => 'この VM での名前で ADE 拡張機能を削除（無効化の後。前には行わない）',
      deallocate: () => 'VM を割り当て解除',
      copyDisk: (disk?: string) =>
        `${disk ?? 'ディスク'} を新しい Upload ディスク（元のサイズ + 512 バイト）にコピーし、両方の SAS を取り消す`,
      createVm: () => 'コピーからホストでの暗号化を有効にした新しい VM を作成',
      newFromImage: () => 'イメージからホストでの暗号化を有効にした新しい VM を作成',
      newDataDisk: (disk?: string) => `${disk ?? 'データ ディスク'} のデータ用の新しい空のディスク`,
      copyData: () => '旧 VM（ボリュームのロックを解除できる）からデータをコピーするか、アプリケーションから復元',
      retireOld: () => '最後の同期の後: 旧 VM を割り当て解除',
    },
    backupButton: '今すぐバックアップ',
    protectButton: '保護する',
    protectNewButton: (vm: string, policy: string) => `${vm} を ${policy} で保護`,
    stopButton: (vm: string) => `${vm} のバックアップを停止（ポイントは保持）`,
    notAde: (vm: string) =>
      `**${vm}** は ADE を使っていないため、移行するものはありません（ADE を使う VM は **ADE レポート** に表示されます）。`,
    linked: (old: string, vm: string) => `✅ **${vm}** を **${old}** の新しい VM としてリンクしました。`,
    linkRefused: (vm: string, reasons: string) =>
      `❌ **${vm}** は新しい VM にできません: ${reasons}。何もリンクしていません。`,
    linkFailures: {
      same: '旧 VM そのものです',
      noEah: 'ホストでの暗号化が無効です（--encryption-at-host true で作成してください）',
      ade: 'ADE を使っています',
      region: '別のリージョンにあります',
      subscription: '別のサブスクリプションにあります',
    },
    linkTooLate: (vm: string) => `**${vm}** の新しい VM は既に保護されているため、リンクは変更しません。`,
    noPlan: (vm: string) => `**${vm}** の移行計画がありません。先に **${vm} の ADE 移行計画** を実行してください。`,
    notYet: (vm: string) =>
      `まだです。**${vm}** の計画では、先に移行前のバックアップの完了と新しい VM のリンクが必要です。`,
    policyWhy: {
      same: (policy: string) => `旧 VM のポリシー ${policy}`,
      enhanced: (policy: string) => `Enhanced ポリシー ${policy}（新しい VM は Trusted Launch を使うため必要）`,
      default: (policy: string) => `${policy}（旧 VM のポリシーはこのコンテナーにありません）`,
    },
    noEnhanced: (vault: string) =>
      `新しい VM は Trusted Launch を使うため Enhanced ポリシーが必要ですが、コンテナー ${vault} にはありません。コンテナーで作成してから、もう一度クリックしてください。`,
    choosing: (vm: string, why: string) => `**${vm}** を ${why} で保護します。下のカードで確認してください。`,
    progressBackup: (vm: string, when: string) =>
      `✅ **${vm}** の移行、手順 1 完了: 移行前のバックアップが ${when} に完了しました。次: データを移します（**${vm} の ADE 移行計画** のランブック）。`,
    progressProtected: (vm: string, newVm: string, vaults: string, until: string) =>
      `✅ **${vm}** の移行: 新しい VM **${newVm}** を保護しました。キーの保持を記録: ${vaults} を ${until} 保持。次: ${vm} の保護をポイントを残したまま停止します。`,
    progressStopped: (vm: string, vaults: string, until: string) =>
      `✅ **${vm}** の移行が完了しました: すべての復旧ポイントを保持したまま保護を停止しました。${vaults} を ${until} 保持してください（レポートに表示されます）。`,
  },
  report: {
    title: 'ADE 廃止: 現状',
    daysLeft: (n: number) =>
      `2028 年 9 月 15 日まで残り **${n} 日**。以降、ADE ディスクは再起動後にロック解除できず、ADE のバックアップはブロックされ、復元が正常に動作しない可能性があります。`,
    adeVms: 'ADE を使用中の VM',
    adeOf: (ade: number, total: number) => `${total} 台中 ${ade} 台`,
    pathA: 'パス A: 暗号化を解除し、新しいディスクにコピーして、ホストでの暗号化を有効にした新しい VM を作成',
    pathB: 'パス B: OS ディスクが暗号化された Linux — イメージから再構築し、データをコピー',
    aad: 'Entra アプリを使う ADE: 先にシングル パスへ移行',
    unmanaged: '非管理ディスク: 先にマネージド ディスクへ変換',
    eah: 'ホストでの暗号化が有効な VM',
    plans: '移行計画',
    stages: {
      planned: '計画済み',
      backedUp: '移行前バックアップ完了',
      newProtected: '新しい VM を保護済み',
      oldStopped: '旧 VM 停止・キー保持中',
    },
    planCounts: (parts: string[]) => (parts.length ? parts.join(' · ') : 'まだありません（<vm> の ADE 移行計画）'),
    blockersTitle: 'ブロッカー',
    noBlockers: '✅ ホストでの暗号化を妨げるものはありません。',
    feature: (state: string) =>
      `❌ サブスクリプションの Microsoft.Compute/EncryptionAtHost 機能が Registered ではなく **${state}** です。どの VM もホストでの暗号化を使えません。対処: \`az feature register --namespace Microsoft.Compute --name EncryptionAtHost\` の後 \`az provider register -n Microsoft.Compute\`。`,
    size: (size: string, region: string, vms: string[], nearest?: string) =>
      `❌ ${region} の ${size} はホストでの暗号化に対応していません（${vms.length} 台: ${list(vms, 5)}）。${nearest ? `同じファミリーで最も近い対応サイズ: **${nearest}**。` : 'このファミリーに対応サイズはありません。別のファミリーを選んでください。'}`,
    vaultBlocker: (name: string) =>
      `❌ Key Vault **${name}** は有効な ADE 復旧ポイントのキーを保持していますが、消去保護がありません。削除されたコンテナーが唯一のコピーごと消去される可能性があります。対処: \`az keyvault update --name ${name} --enable-purge-protection true\`。`,
    vaultGone: (name: string) =>
      `❌ Key Vault **${name}** は有効な ADE 復旧ポイントのキーを保持していますが、サブスクリプションに見つかりません。消去される前に論理的な削除から復旧してください（\`az keyvault recover --name ${name}\`）。`,
    exposureTitle: 'バックアップのリスク',
    notProtected: (names: string[]) => `⚠️ 保護されていない ADE VM が ${names.length} 台: ${list(names)}。`,
    lastFailed: (names: string[]) => `⚠️ 前回のバックアップが失敗した ADE VM が ${names.length} 台: ${list(names)}。`,
    atRisk: (points: number, vms: string[], latest: string) =>
      `⚠️ VM ${vms.length} 台の ADE 復旧ポイント約 ${points} 個が 2028 年 9 月 15 日より後に期限切れになります（最も遅い期限: ${latest}）: ${list(vms)}。それまでキーと ADE の復元手順が必要です。`,
    noExposure:
      '✅ すべての ADE VM が保護されており、前回のバックアップの失敗も、2028 年 9 月 15 日より後まで残る ADE ポイントもありません。',
    holdsTitle: 'キーの保持（次の Key Vault とそのキー・シークレットを期限まで保持）',
    hold: (name: string, until: string, vms: string[], flags: string) =>
      `${name}: ${until} · ${flags} · VM ${vms.length} 台: ${list(vms, 4)}`,
    flags: (softDelete: boolean, purge: boolean, disk: boolean) =>
      `論理的な削除 ${softDelete ? '✅' : '❌'} 消去保護 ${purge ? '✅' : '❌'} enabledForDiskEncryption ${disk ? '✅' : '❌'}`,
    vaultMissing: '❌ 見つかりません（削除済み？）',
    noHolds: '有効な ADE 復旧ポイントのキーを保持している Key Vault はありません。',
    moreHolds: (n: number) => `… ほか ${n} 件（すべて表示）。`,
    orphans: (names: string[]) =>
      `VM が存在せず、どの計画にも含まれない保護項目が ${names.length} 件あります（${list(names, 5)}）。そのポイントが ADE か、キーがどこにあるかは一覧からは分かりません。ポイントのキーは \`復元\` で確認できます。`,
    estimates:
      '推定値です（ポイントごとに読むと VM ごとに 1 回の読み取りが必要になるため）: ポイントの期限は各ポリシーの保持期間（日次/週次/月次/年次。オンデマンド バックアップは個別の期限）から、ポイントのキーは VM のディスクが現在使っている Key Vault にあるものとしています。',
    showAll: (n: number) => `ADE VM ${n} 台をすべて表示`,
    reading: '⏳ フリートの一覧を読み取っています…',
    pageTitle: (page: number, pages: number) => `ADE VM（${pages} ページ中 ${page} ページ）`,
    row: (path: string, protection: string, points: string, vaults: string, stage: string) =>
      [path, protection, points, vaults, stage].filter(Boolean).join(' · '),
    paths: { A: 'パス A', B: 'パス B', aad: '先に Entra アプリ移行', unmanaged: '先に変換' },
    protection: { protected: '保護済み', failed: '前回のバックアップ失敗', stopped: '保護停止', none: '未保護' },
    sizeUnsupported: (size: string) => `${size} は EAH 非対応`,
    pointsPast: (n: number) => `2028 年以降まで残るポイント約 ${n} 個`,
    stage: (s: string) => `計画: ${s}`,
    previous: '前へ',
    next: '次へ',
    summary: '概要に戻る',
  },
};
