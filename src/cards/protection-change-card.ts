/**
 * Data for `cards/protection-change.json`: a critical operation on a VM's backup as its requester first sees it (to
 * send to approvers, or to confirm when no approver is needed), as approvers see it, and in every state after. It says
 * in words what is lost and what the vault's guards do; a delete asks for the VM's name to be typed.
 */
import type { ProtectionChangeRequest } from '../approvals/protection-change';
import type { Card } from '../core/poster';
import { vmKey } from '../core/vm';
import { formatTime, messages } from '../i18n';
import { daysUntil, isImmutable, keepsDeletedData } from '../rules/vault-guards';
import { renderCard } from './render';
import { REQUEST_COLORS } from './request-colors';

const DAY = 86_400_000;

/** What happens, in words: destructive lines (shown as a warning) and the rest. */
function consequences(r: ProtectionChangeRequest, now: number): { warnings: string[]; notes: string[] } {
  const t = messages(r.locale).lifecycle;
  const c = t.consequences;
  const { plan } = r;
  const vm = vmKey(plan.vm);
  const { count, oldest, newest } = plan.points;
  const alwaysOn = plan.softDelete.state.toLowerCase() === 'alwayson';
  const guardLines = [
    ...(plan.guard ? [t.guardNote(plan.guard.name)] : []),
    ...(isImmutable(plan) ? [t.immutableNote(plan.immutability)] : []),
  ];
  switch (plan.operation) {
    case 'stop':
      return { warnings: [], notes: [c.stop(vm, count), ...guardLines] };
    case 'deleteData': {
      const kept = keepsDeletedData({
        softDelete: { state: plan.softDelete.state, retentionDays: plan.softDelete.days },
      });
      const until = new Date(now + plan.softDelete.days * DAY).toISOString();
      return {
        warnings: [c.deleteData(plan.vm.name, count, oldest, newest), ...(kept ? [] : [c.softDeleteOff])],
        notes: [...(kept ? [c.softDeleteKeeps(vm, plan.softDelete.days, until, alwaysOn)] : []), ...guardLines],
      };
    }
    case 'resume':
      return {
        warnings: [],
        notes: [c.resume(plan.vm.name, plan.policy!.name, plan.policy!.longestDays), ...guardLines],
      };
    case 'changePolicy':
      return {
        warnings: plan.shorterRetention ? [c.shorter(plan.policy!.name)] : [],
        notes: [c.changePolicy(plan.vm.name, plan.from?.name ?? '', plan.policy!.name), ...guardLines],
      };
    case 'undelete':
      return {
        warnings: [],
        notes: [
          c.undelete(
            plan.vm.name,
            count,
            daysUntil(plan.purgeAt ?? new Date(now).toISOString(), now),
            plan.purgeAt ?? '',
          ),
          ...guardLines,
        ],
      };
  }
}

function cardData(r: ProtectionChangeRequest, now: number, needsApproval: boolean) {
  const m = messages(r.locale);
  const t = m.lifecycle;
  const { plan } = r;
  const status = r.status === 'pending' && now > r.expiresAt ? 'expired' : r.status;
  const op = t.operation[plan.operation];
  const selfConfirmed =
    !!r.decidedBy && r.decidedBy.id.toLowerCase() === r.requester.id.toLowerCase() && status !== 'rejected';
  const f = t.facts;
  const facts = [
    { title: f.vm, value: `${plan.vm.resourceGroup}/${plan.vm.name} · ${plan.vm.location}` },
    { title: f.vault, value: plan.vaultName },
    ...(plan.operation === 'changePolicy' && plan.policy && plan.from
      ? [
          {
            title: f.policy,
            value: t.policyChange(plan.from.name, plan.from.longestDays, plan.policy.name, plan.policy.longestDays),
          },
        ]
      : []),
    ...(plan.operation === 'resume' && plan.policy
      ? [{ title: f.policy, value: t.policyValue(plan.policy.name, plan.policy.longestDays) }]
      : []),
    { title: f.points, value: t.pointsValue(plan.points.count, plan.points.oldest, plan.points.newest) },
    ...(['stop', 'deleteData', 'undelete'].includes(plan.operation)
      ? [{ title: f.softDelete, value: t.softDeleteValue(plan.softDelete.state, plan.softDelete.days) }]
      : []),
    ...(isImmutable(plan) || plan.operation === 'deleteData'
      ? [{ title: f.immutability, value: t.immutabilityValue[plan.immutability] ?? plan.immutability }]
      : []),
    ...(plan.guard ? [{ title: f.guard, value: plan.guard.name }] : []),
    { title: f.requester, value: r.requester.name || m.common.unknown },
    ...(status !== 'draft' && !selfConfirmed ? [{ title: f.reason, value: r.reason || m.approval.noReason }] : []),
    ...(status === 'draft' || status === 'pending'
      ? [{ title: f.expires, value: formatTime(r.locale, new Date(r.expiresAt)) }]
      : []),
  ];
  const { warnings, notes } = consequences(r, now);
  const word = status === 'rejected' ? t.rejectedWord : selfConfirmed ? t.confirmedWord : t.approvedWord;
  const decision =
    r.decidedBy && r.decidedAt && status !== 'draft' && status !== 'pending'
      ? t.decided(word, r.decidedBy.name, formatTime(r.locale, new Date(r.decidedAt))) +
        (r.comment ? ` "${r.comment}"` : '')
      : '';
  const buttons = {
    submit: status === 'draft' && needsApproval,
    confirm: status === 'draft' && !needsApproval,
    decide: status === 'pending',
  };
  const destructive = plan.operation === 'deleteData';
  return {
    title:
      status === 'draft'
        ? t.draftTitle(op, plan.vm.name)
        : selfConfirmed
          ? `${op}: ${plan.vm.name}`
          : t.approvalTitle(op, plan.vm.name),
    statusText:
      status === 'draft' ? (needsApproval ? t.status.draft : t.status.draftConfirm) : (t.status[status] ?? status),
    color: REQUEST_COLORS[status] ?? 'Default',
    facts,
    warnings,
    notes: [...notes, ...(status === 'draft' ? [needsApproval ? t.needsApprover : t.noApproverNeeded] : [])],
    decision,
    approvalId: r.id,
    confirmStyle: destructive ? 'destructive' : 'positive',
    buttons: { ...buttons, typeName: destructive && (buttons.confirm || buttons.decide) },
    labels: {
      reason: t.labels.reason,
      reasonPlaceholder: t.labels.reasonPlaceholder,
      comment: t.labels.comment,
      typeName: t.labels.typeName(plan.vm.name),
      submit: t.labels.submit,
      confirm: destructive ? t.labels.confirmDelete : t.labels.confirm,
      approve: t.labels.approve,
      reject: t.labels.reject,
    },
  };
}

/** `needsApproval`: whether a draft goes to approvers (Send) or is confirmed by its requester (Confirm). */
export function protectionChangeCard(r: ProtectionChangeRequest, now: number, needsApproval = true): Card {
  return renderCard('protection-change', cardData(r, now, needsApproval));
}
