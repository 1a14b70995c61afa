/** 停止・データ削除・削除の取り消し・再開・削除済み一覧を日本語で（ja-JP のクライアントから、承認とジョブの追跡まで）。 */
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { action, clickText, itemWrites, lastCard, requestChange, runJobs, said } from '../support/protection-change';
import { users } from '../support/teams';

const ja = 'ja-JP';
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const prodVault = () => h.simulator.estate.recoveryVaults.find((v) => v.id === SIM_RECOVERY_VAULT_IDS[0])!;
const item = (vm: string) => prodVault().items.find((i) => i.friendlyName === vm)!;
const jobCard = (title: RegExp) =>
  h.connector.writes.find((w) => w.kind === 'send' && title.test(visibleText(cardOf(w))));
const done = (pattern: RegExp) => () => h.connector.writes.some((w) => pattern.test(w.activity.text ?? ''));

it('vm001 のバックアップを停止: 承認者が承認すると、復旧ポイントを保持したまま停止し、ジョブを追跡する', async () => {
  const { draft, posted, approve } = await requestChange(h, 'vm001 のバックアップを停止', {
    locale: ja,
    reason: 'VM 廃止',
  });
  expect(visibleText(draft)).toContain('vm001: バックアップの停止（復旧ポイントは保持）を行いますか？');
  expect(visibleText(draft)).toContain('3 個の復旧ポイントは削除されるまで保持され');
  expect(visibleText(cardOf(posted))).toContain('承認待ち');
  const click = await h.click('change.approve', approve.data, { user: users.bob, locale: ja });
  expect(clickText(click)).toContain('Bob Tanaka が承認しました');
  expect(itemWrites(h, 'PUT')).toHaveLength(1);
  expect(jobCard(/バックアップの停止 · vm001/)).toBeDefined();
});

it('データ削除 → 削除済み一覧 → 状態 → 削除の取り消し → 再開（日本語）', async () => {
  const del = await requestChange(h, 'vm006 のバックアップを停止してデータを削除', { locale: ja });
  const text = visibleText(del.draft);
  expect(text).toContain('2 個すべての復旧ポイント');
  expect(text).toContain('**あと 14 日間**');
  expect(text).toContain('rg-legacy/vm006 のバックアップの削除を取り消し');
  expect(clickText(await h.click('change.approve', del.approve.data, { user: users.bob, locale: ja }))).toContain(
    '**vm006** と正確に入力してください',
  );
  await h.click('change.approve', { ...del.approve.data, confirmName: 'vm006' }, { user: users.bob, locale: ja });
  expect(itemWrites(h, 'DELETE')).toHaveLength(1);
  await runJobs(h, done(/vm006\*\* のバックアップ データの削除が完了/));

  const listed = said(await h.say('削除済みバックアップ', { locale: ja }));
  expect(listed).toMatch(/\*\*rg-legacy\/vm006\*\* · rsv-prod-japaneast · あと 14 日で消去/);
  expect(said(await h.say('vm006 の状態', { locale: ja }))).toContain('削除済み — 論理的な削除によりあと 14 日保持');
  expect(said(await h.say('vm006 のバックアップを再開', { locale: ja }))).toContain(
    '削除を取り消すまで他の操作はできません',
  );

  const un = await requestChange(h, 'vm006 のバックアップの削除を取り消し', { locale: ja });
  expect(visibleText(un.draft)).toContain('14 日後');
  await h.click('change.approve', un.approve.data, { user: users.bob, locale: ja });
  const job = jobCard(/バックアップの削除の取り消し · vm006/)!;
  await runJobs(h, () =>
    /rg-legacy\/vm006 のバックアップを再開/.test(
      visibleText(h.connector.messages().get(job.activityId).attachments[0].content),
    ),
  );
  expect(visibleText(h.connector.messages().get(job.activityId).attachments[0].content)).toContain(
    'rg-legacy/vm006 を復元',
  );

  const resume = await h.say('rg-legacy/vm006 のバックアップを GoldPolicy で再開', { locale: ja });
  const card = lastCard(resume);
  expect(visibleText(card)).toContain('GoldPolicy（最長 90 日保持）');
  expect(visibleText(card)).toContain('承認は不要です');
  await h.click('change.confirm', action(card, 'change.confirm').data, { locale: ja });
  expect(item('vm006')).toMatchObject({ protectionState: 'Protected', policyName: 'GoldPolicy' });
});

it('vm005 のバックアップを DefaultPolicy で再開: 保持期間の短いポリシーへの変更は承認が必要、イミュータブルなら送信しない', async () => {
  const card = visibleText(lastCard(await h.say('vm005 のバックアップを DefaultPolicy で再開', { locale: ja })));
  expect(card).toContain('GoldPolicy（最長 90 日保持）→ DefaultPolicy（最長 30 日）');
  expect(card).toContain('保持期間が短い');
  prodVault().security = { softDeleteState: 'AlwaysON', softDeleteDays: 14, immutability: 'Locked' };
  expect(said(await h.say('vm005 のバックアップを DefaultPolicy で再開', { locale: ja }))).toContain(
    'イミュータブル（Locked）のため、保持期間を短縮できません',
  );
  expect(said(await h.say('vm005 のバックアップを停止してデータを削除', { locale: ja }))).toContain('有効期限前です');
  expect(itemWrites(h)).toHaveLength(0);
});

it('マルチユーザー承認: カードに Resource Guard と Backup MUA Operator ロールを示す', async () => {
  const guard =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security/providers/Microsoft.DataProtection/resourceGuards/rg-guard';
  prodVault().security = {
    softDeleteState: 'Enabled',
    softDeleteDays: 14,
    immutability: 'Disabled',
    guard: {
      id: guard,
      operations: ['Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/delete'],
      muaOperator: false,
    },
  };
  const { draft, approve } = await requestChange(h, 'vm001 のバックアップを停止してデータを削除', { locale: ja });
  expect(visibleText(draft)).toContain('Resource Guard **rg-guard** で保護されています');
  await h.click('change.approve', { ...approve.data, confirmName: 'vm001' }, { user: users.bob, locale: ja });
  expect(h.connector.writes.map((w) => w.activity.text ?? '').join('\n')).toContain('Resource Guard **rg-guard**');
});
