/** Card verbs, shared by the templates in `cards/` and the handlers in `src/actions/` (a test keeps them in step). */
export const Verbs = {
  chooseVm: 'vm.choose',
  backupStart: 'backup.start',
  backupConfirm: 'backup.confirm',
  backupCancel: 'backup.cancel',
  grantStart: 'grant.start',
  protectStart: 'protect.start',
  protectConfirm: 'protect.confirm',
  protectCancel: 'protect.cancel',
  restoreReview: 'restore.review',
  restoreConfirm: 'restore.confirm',
  restoreCancel: 'restore.cancel',
  grantSubmit: 'grant.submit',
  grantApprove: 'grant.approve',
  grantReject: 'grant.reject',
  adePage: 'ade.page',
  adeProtectNew: 'ade.protectNew',
} as const;
