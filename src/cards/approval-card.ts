/** Data for `cards/approval.json`: the request form (draft), the approver card (pending) and every decided state. */
import type { GrantRequest } from '../approvals/key-vault-grant';
import type { Card } from '../core/poster';
import { formatTime, messages } from '../i18n';
import { renderCard } from './render';
import { REQUEST_COLORS } from './request-colors';

function approvalCardData(a: GrantRequest, now: number) {
  const m = messages(a.locale);
  const t = m.approval;
  const { plan } = a;
  const status = a.status === 'pending' && now > a.expiresAt ? 'expired' : a.status;
  const grant = plan.grant;
  const notes = [
    ...(grant.kind === 'accessPolicy' ? [grant.keys.length ? t.notes.keysIncluded : t.notes.bekOnly] : []),
    t.notes.guests,
    t.notes.certificates,
  ];
  const decision =
    a.decidedBy && a.decidedAt && status !== 'draft' && status !== 'pending'
      ? t.decided(
          status === 'rejected' ? t.rejectedWord : t.approvedWord,
          a.decidedBy.name,
          formatTime(a.locale, new Date(a.decidedAt)),
        ) + (a.comment ? ` "${a.comment}"` : '')
      : '';
  return {
    title: status === 'draft' ? t.requestTitle(plan.keyVault.name) : t.approvalTitle(plan.keyVault.name),
    statusText: t.status[status] ?? status,
    color: REQUEST_COLORS[status] ?? 'Default',
    facts: [
      { title: t.keyVault, value: `${plan.keyVault.name} (${plan.keyVault.resourceGroup})` },
      { title: t.model, value: t.models[plan.keyVault.model] },
      { title: t.principal, value: t.principalValue(plan.principalId) },
      {
        title: t.permissions,
        value:
          grant.kind === 'accessPolicy'
            ? t.policyPermissions(grant.keys.join(', '), grant.secrets.join(', '))
            : t.rolePermissions(grant.roleName),
      },
      { title: t.scope, value: plan.keyVault.id },
      ...(plan.vms.length
        ? [{ title: t.vms, value: plan.vms.map((v) => `${v.key} (${m.encryption[v.encryption]})`).join(', ') }]
        : []),
      { title: t.requester, value: a.requester.name || m.common.unknown },
      ...(status !== 'draft' ? [{ title: t.reason, value: a.reason || t.noReason }] : []),
      { title: t.expires, value: formatTime(a.locale, new Date(a.expiresAt)) },
    ],
    notes,
    decision,
    approvalId: a.id,
    buttons: { submit: status === 'draft', decide: status === 'pending' },
    labels: {
      reason: t.reasonLabel,
      reasonPlaceholder: t.reasonPlaceholder,
      comment: t.commentLabel,
      submit: t.submitButton,
      approve: t.approveButton,
      reject: t.rejectButton,
    },
  };
}

export function approvalCard(a: GrantRequest, now: number): Card {
  return renderCard('approval', approvalCardData(a, now));
}
