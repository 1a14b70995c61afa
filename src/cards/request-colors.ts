/** The colour a critical operation request's card shows for its state (approvals/request.ts), one for every kind. */
export const REQUEST_COLORS: Record<string, string> = {
  applied: 'Good',
  failed: 'Attention',
  rejected: 'Attention',
  expired: 'Warning',
  pending: 'Accent',
  approved: 'Accent',
  draft: 'Default',
};
