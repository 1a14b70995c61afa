/**
 * Data for `cards/ade-plan.json`: one ADE VM's migration plan in words and with its real names — which path and why,
 * each prerequisite with its state and fix, the downtime, the steps with their state (the bot's with a button when
 * they are next), and the owner's runbook as copyable commands.
 */
import type { Card } from '../core/poster';
import { vmKey } from '../core/vm';
import { formatTime, type Locale, type Messages } from '../i18n';
import type { PlanView, PolicyChoice, Prereq } from '../migration/plan-view';
import { renderCard } from './render';

export interface PlanCardExtras {
  /** The new VM's policy, when step 2 is next and the new VM is not protected yet. */
  policy?: PolicyChoice;
}

function prereqText(m: Messages, view: PlanView, p: Prereq): string {
  const w = m.ade.plan.prereq;
  const { resourceGroup: rg, name } = view.ade.vm;
  switch (p.id) {
    case 'feature':
      return p.ok ? w.featureOk : w.feature(p.state);
    case 'size':
      return p.ok ? w.sizeOk(p.size, p.region) : w.size(p.size, p.region, p.nearest);
    case 'protected':
      return p.ok ? w.protectedOk : w.protected(name);
    case 'keyVault':
      return p.ok ? w.keyVaultOk(p.name) : w.keyVault(p.name, p.risks.map((r) => w.risks[r] ?? r).join(', '));
    case 'singlePass':
      return w.singlePass(rg, name);
    case 'convert':
      return w.convert(rg, name);
  }
}

export function adePlanCard(m: Messages, locale: Locale, view: PlanView, extras: PlanCardExtras = {}): Card {
  const w = m.ade.plan;
  const { plan, ade, read } = view;
  const at = (ms: number) => formatTime(locale, new Date(ms));
  const stageWords = m.ade.report.stages[plan.stage] ?? plan.stage;
  const protection = view.protection;
  const facts = [
    {
      title: w.vm,
      value: `${ade.vm.resourceGroup}/${ade.vm.name} · ${ade.vm.location} · ${ade.vm.vmSize} · ${ade.vm.osType}`,
    },
    ...(read.disks.length ? [{ title: w.disks, value: w.disksValue(read.disks.length, view.diskGb) }] : []),
    { title: w.keyVaults, value: ade.keyVaultIds.map((id) => id.split('/').pop()).join(', ') },
    {
      title: w.backup,
      value: protection
        ? w.backupValue(
            protection.vaultId.split('/').pop() ?? '',
            protection.policyName ?? '—',
            protection.lastBackupTime
              ? `${protection.lastBackupStatus ?? ''} ${at(protection.lastBackupTime.getTime())}`.trim()
              : '—',
          )
        : w.notProtected,
    },
    { title: w.stage, value: w.stageValue(stageWords, at(plan.createdAt), plan.createdBy.name) },
    ...(plan.newVm
      ? [
          {
            title: w.newVm,
            value: w.newVmValue(
              `${plan.newVm.resourceGroup}/${plan.newVm.name}`,
              at(plan.newVm.linkedAt),
              plan.newVm.linkedBy,
            ),
          },
        ]
      : []),
    ...(plan.keyHold
      ? [
          {
            title: w.keysHeld,
            value: w.keysHeldValue(
              plan.keyHold.keyVaultIds.map((id) => id.split('/').pop()).join(', '),
              m.ade.until(plan.keyHold.until),
            ),
          },
        ]
      : []),
  ];
  const why =
    ade.path === 'aad'
      ? w.why.aad(ade.then)
      : ade.path === 'unmanaged'
        ? w.why.unmanaged(ade.then)
        : ade.then === 'B'
          ? w.why.B()
          : w.why.A(ade.vm.osType, ade.volumeType);
  const stepText = (id: string) => (w.step[id] ?? (() => id))(ade.vm.name);
  const steps = view.steps.map(
    (s, i) =>
      `${i + 1}. ${w.icons[s.state]} ${stepText(s.id)}${s.state === 'done' && s.at !== undefined ? w.doneAt(at(s.at)) : ''}`,
  );
  const next = (id: string) => view.steps.find((s) => s.id === id)?.state === 'next';
  const protectedOk = view.prereqs.some((p) => p.id === 'protected' && p.ok);
  const policy = extras.policy?.policy;
  return renderCard('ade-plan', {
    title: w.title(`${ade.vm.resourceGroup}/${ade.vm.name}`),
    why,
    noInPlace: w.noInPlace,
    facts,
    prereqs: view.prereqs.map((p) => prereqText(m, view, p)),
    prereqStyle: view.prereqs.every((p) => p.ok) ? 'good' : 'warning',
    downtime: ade.then === 'B' ? w.downtime.B() : w.downtime.A(view.diskGb),
    steps,
    runbook: view.runbook.map((r) => ({ title: (w.runbookStep[r.id] ?? (() => r.id))(r.disk), commands: r.commands })),
    vmKey: vmKey(ade.vm),
    buttons: {
      backup: next('backup') && protectedOk,
      protect: next('backup') && !protectedOk,
      protectNew: next('protectNew') && !!policy,
      stopOld: next('stopOld'),
    },
    labels: {
      prereqs: w.prereqTitle,
      downtime: w.downtimeTitle,
      steps: w.stepsTitle,
      runbook: w.runbookTitle(ade.vm.name),
      backup: w.backupButton,
      protect: w.protectButton,
      protectNew: policy && plan.newVm ? w.protectNewButton(plan.newVm.name, policy.name) : '',
      stopOld: w.stopButton(ade.vm.name),
    },
  });
}
