/**
 * Who may do what, for every command in `src/commands` and every card verb in `createActions` (read from the code, so
 * new ones are covered). A refusal changes nothing — no write reaches Azure, no state but the conversation reference
 * is written — and says who may. Card data is never trusted for what to act on: forged ids and fields change nothing.
 */
import { randomUUID } from 'node:crypto';
import { createActions } from '../../src/actions';
import { hasAccess } from '../../src/core/roles';
import { route } from '../../src/core/router';
import type { Access, Command } from '../../src/core/types';
import { commands } from '../../src/commands';
import { messages, type Locale } from '../../src/i18n';
import { offer } from '../support/card-flows';
import type { ConnectorWrite } from '../support/fake-connector';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { users, type TestUser } from '../support/teams';

/** The harness's roles: BACKUP_OPERATOR_IDS = alice, dave; BACKUP_APPROVER_IDS = bob, dave. */
const people: [string, TestUser][] = [
  ['read-only user', users.carol],
  ['approver', users.bob],
  ['operator', users.alice],
  ['operator and approver', users.dave],
];
const LOCALES: [Locale, string][] = [
  ['en', 'en-US'],
  ['ja', 'ja-JP'],
];
/** The VM each command is tried on: one where the command would really act (a protected, granted VM by default). */
const VM_FOR: Record<string, string> = { protect: 'vm004', grant: 'vm002' };

/**
 * Example inputs from a command's own usage line: `[optional]` parts dropped, `<placeholders>` filled, `a | b` split.
 */
function examples(command: Command, locale: Locale): string[] {
  const { usage } = command.describe(messages(locale));
  return usage
    .replace(/\[[^\]]*\]/g, '')
    .replace(/<[^>]*>/g, VM_FOR[command.name] ?? 'vm001')
    .split(/\s+\|\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Buttons that only show more of what their card shows (the ADE report's pages): open to anyone, like the report,
 * and a click by anyone, in either language, writes nothing to Azure or to state.
 */
const READ_ONLY_VERBS = ['ade.page'];

/** Verbs that decide an approval: approvers only, whatever the declarations say. */
const DECISIONS = ['grant.approve', 'grant.reject', 'change.approve', 'change.reject'];
/** What the requester who is also an approver hears when deciding their own request, per kind of card. */
const selfRefusal = (verb: string) =>
  verb.startsWith('change.') ? messages('en').lifecycle.refused.self : messages('en').approval.selfApproval;

const isAzureWrite = (r: { method: string; path: string }) => r.method !== 'GET' && !/\/backupStatus$/i.test(r.path);

async function stateSnapshot(h: Harness): Promise<Map<string, string>> {
  return new Map(
    (await h.app.services.store.list('')).filter((i) => !i.key.startsWith('conv/')).map((i) => [i.key, i.etag]),
  );
}

/** Runs `act` and returns what it wrote to Azure and to state (conversation references aside). */
async function writesOf(h: Harness, act: () => Promise<unknown>): Promise<{ azure: string[]; state: string[] }> {
  const sim = h.simulator.requests.length;
  const before = await stateSnapshot(h);
  await act();
  const after = await stateSnapshot(h);
  const state = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
  return {
    azure: h.simulator.requests
      .slice(sim)
      .filter(isAzureWrite)
      .map((r) => `${r.method} ${r.path}`),
    state,
  };
}

const textOf = (writes: ConnectorWrite[]) =>
  writes.map((w) => `${w.activity.text ?? ''}\n${visibleText(cardOf(w))}`).join('\n');
const whoMay = (access: Access, locale: Locale) =>
  access === 'approver' ? messages(locale).access.approversOnly : messages(locale).access.operatorsOnly;

describe('commands', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const cases = commands.flatMap((command) =>
    LOCALES.flatMap(([locale, clientLocale]) =>
      examples(command, locale).flatMap((text) =>
        people.map(([role, user]) => ({ command, locale, clientLocale, text, role, user })),
      ),
    ),
  );

  it('every command has an example that routes to it, in both languages', () => {
    for (const command of commands) {
      for (const [locale] of LOCALES) {
        const found = examples(command, locale);
        expect(found.length).toBeGreaterThan(0);
        for (const text of found) expect([text, route(commands, text)?.command.name]).toEqual([text, command.name]);
      }
    }
  });

  it.each(cases)(
    '$command.name ($locale) "$text" by the $role',
    async ({ command, locale, clientLocale, text, user }) => {
      let replies: ConnectorWrite[] = [];
      const wrote = await writesOf(h, async () => {
        replies = await h.say(text, { user, locale: clientLocale });
      });
      expect(replies.length).toBeGreaterThan(0);
      const said = textOf(replies);
      const mayRun = hasAccess(h.app.services, user.id, command.access);
      const refusedBy = (['operator', 'approver'] as const).find((a) => said.includes(whoMay(a, locale)));
      if (!mayRun) {
        expect(refusedBy).toBe(command.access);
        expect(said).toMatch(
          command.access === 'approver' ? /BACKUP_APPROVER_IDS|承認者/ : /BACKUP_OPERATOR_IDS|オペレーター/,
        );
      }
      // Refused here or inside the command (e.g. `watch here` by a non-operator): nothing changed.
      if (refusedBy) expect(wrote).toEqual({ azure: [], state: [] });
      // People who are not operators never cause a write, whatever they type.
      if (!hasAccess(h.app.services, user.id, 'operator')) expect(wrote).toEqual({ azure: [], state: [] });
      expect(wrote.azure).toEqual([]);
    },
  );
});

describe('card verbs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const actions = createActions(() => {
    throw new Error('the verb list does not need a dispatcher');
  });
  /** The requester of every flow below is an operator who is also an approver. */
  const requester = users.dave;

  it.each(actions.map((a) => [a.verb, a] as const))(
    '%s: refused for everyone without the role, with live state; nothing changes',
    async (verb, action) => {
      const live = await offer(h, verb, requester);
      const parsed = action.parse(live.data) as { command?: Command } | undefined;
      expect(parsed).toBeDefined();
      // Buttons that run a command as if typed are checked with that command's own access.
      const access: Access = action.access === 'anyone' && parsed?.command ? parsed.command.access : action.access;
      if (READ_ONLY_VERBS.includes(verb)) {
        expect(access).toBe('anyone');
        for (const [role, user] of people) {
          for (const [locale, clientLocale] of LOCALES) {
            const wrote = await writesOf(h, () =>
              h.click(verb, live.data, { user, replyToId: live.activityId, locale: clientLocale }),
            );
            expect([role, locale, wrote]).toEqual([role, locale, { azure: [], state: [] }]);
          }
        }
        return;
      }
      // Every other button changes something, or runs a command that does: none may be open to anyone.
      expect(access).not.toBe('anyone');
      if (DECISIONS.includes(verb)) expect(access).toBe('approver');
      const refusable = people.filter(([, user]) => !hasAccess(h.app.services, user.id, access));
      if (access !== 'anyone') expect(refusable.length).toBeGreaterThan(0);
      for (const [role, user] of refusable) {
        for (const [locale, clientLocale] of LOCALES) {
          let said = '';
          const wrote = await writesOf(h, async () => {
            const click = await h.click(verb, live.data, { user, replyToId: live.activityId, locale: clientLocale });
            expect(click.status).toBe(200);
            said = `${typeof click.body?.value === 'string' ? click.body.value : visibleText(click.body?.value)}\n${textOf(click.writes)}`;
          });
          expect([role, locale, said.includes(whoMay(access, locale))]).toEqual([role, locale, true]);
          expect([role, locale, wrote]).toEqual([role, locale, { azure: [], state: [] }]);
        }
      }
      // An approver who asked for the change cannot decide it.
      if (access === 'approver') {
        const wrote = await writesOf(h, async () => {
          const click = await h.click(verb, live.data, { user: requester, replyToId: live.activityId });
          expect(click.body.value).toBe(selfRefusal(verb));
        });
        expect(wrote).toEqual({ azure: [], state: [] });
      }
    },
  );
});

describe('card data is never trusted for what to act on', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const refusedText = (click: { body: any }) =>
    typeof click.body?.value === 'string' ? click.body.value : visibleText(click.body?.value);

  it('backup.confirm with the pendingId of a protect confirmation starts nothing and leaves that confirmation usable', async () => {
    const protect = await offer(h, 'protect.confirm', users.alice);
    const wrote = await writesOf(h, async () => {
      const click = await h.click(
        'backup.confirm',
        { pendingId: protect.data.pendingId, retainUntil: '2099-01-01' },
        { user: users.alice },
      );
      expect(refusedText(click)).toContain(messages('en').common.refused.missing);
    });
    expect(wrote).toEqual({ azure: [], state: [] });
  });

  it('backup.confirm, backup.cancel, protect.confirm, restore.confirm, grant.approve and change.* with a random UUID change nothing', async () => {
    for (const [verb, user, key] of [
      ['backup.confirm', users.alice, 'pendingId'],
      ['backup.cancel', users.alice, 'pendingId'],
      ['protect.confirm', users.alice, 'pendingId'],
      ['restore.confirm', users.alice, 'pendingId'],
      ['grant.approve', users.bob, 'approvalId'],
      ['change.submit', users.alice, 'approvalId'],
      ['change.confirm', users.alice, 'approvalId'],
      ['change.approve', users.bob, 'approvalId'],
      ['change.reject', users.bob, 'approvalId'],
    ] as const) {
      const wrote = await writesOf(h, () =>
        h.click(verb, { [key]: randomUUID(), policyId: 'x', retainUntil: '2099-01-01' }, { user }),
      );
      expect([verb, wrote]).toEqual([verb, { azure: [], state: [] }]);
    }
  });

  it('protect.confirm with a policy that was not offered enables nothing', async () => {
    for (const forged of ['AttackerPolicy', 'other-vault', "DefaultPolicy' or 1 eq 1", '']) {
      const live = await offer(h, 'protect.confirm', users.alice);
      const offeredId = String(live.data.policyId);
      const policyId =
        forged === 'AttackerPolicy'
          ? offeredId.replace(/[^/]+$/, forged)
          : forged === 'other-vault'
            ? offeredId.replace(/\/vaults\/[^/]+\//i, '/vaults/rsv-attacker/')
            : forged;
      const wrote = await writesOf(h, async () => {
        const click = await h.click(
          'protect.confirm',
          { ...live.data, policyId },
          { user: users.alice, replyToId: live.activityId },
        );
        expect([policyId, refusedText(click)]).toEqual([policyId, messages('en').access.malformedAction]);
      });
      expect([policyId, wrote.azure]).toEqual([policyId, []]);
    }
  });

  it('grant.approve on a draft (never submitted) grants nothing and leaves the draft as it was', async () => {
    const draft = await offer(h, 'grant.submit', users.alice);
    const wrote = await writesOf(h, async () => {
      const click = await h.click('grant.approve', { approvalId: draft.data.approvalId }, { user: users.bob });
      expect(refusedText(click)).toContain(messages('en').common.refused.missing);
    });
    expect(wrote).toEqual({ azure: [], state: [] });
  });

  it('grant.approve with forged Key Vault, principal and permissions applies only the plan the server made', async () => {
    const approve = await offer(h, 'grant.approve', users.alice);
    await h.click(
      'grant.approve',
      {
        ...approve.data,
        keyVaultId: `/subscriptions/${h.simulator.subscriptionId}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-ade-prod`,
        objectId: users.carol.id,
        principalId: users.carol.id,
        permissions: { keys: ['all'], secrets: ['all'], certificates: ['all'] },
      },
      { user: users.bob },
    );
    const grants = h.simulator.requests.filter(isAzureWrite);
    expect(grants).toHaveLength(1);
    expect(grants[0].path).toMatch(/\/vaults\/kv-ade-noaccess\/accessPolicies\/add$/i);
    const policy = (grants[0].body as any).properties.accessPolicies[0];
    expect(policy.objectId).not.toBe(users.carol.id);
    expect(policy.permissions.secrets.sort()).toEqual(['backup', 'get', 'list']);
    expect(JSON.stringify(policy)).not.toMatch(/"all"|certificates":\["/);
  });

  it('restore.confirm on a form that was never reviewed restores nothing; restore.review refuses points and places that were not offered', async () => {
    const form = await offer(h, 'restore.review', users.alice);
    const unreviewed = await writesOf(h, () =>
      h.click('restore.confirm', { pendingId: form.data.pendingId }, { user: users.alice }),
    );
    expect(unreviewed.azure).toEqual([]);
    const form2 = await offer(h, 'restore.review', users.alice);
    for (const forged of [
      { pointName: '999999999' },
      { resourceGroup: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-other' },
      { kind: 'OriginalLocation' },
      { storageAccount: '../../x' },
    ]) {
      const wrote = await writesOf(h, async () => {
        const click = await h.click(
          'restore.review',
          { ...form2.data, ...forged },
          { user: users.alice, replyToId: form2.activityId },
        );
        expect(refusedText(click)).toContain(messages('en').restore.invalid.nothingChanged);
      });
      expect(wrote).toEqual({ azure: [], state: [] });
    }
  });

  it("change.* and grant.* never act on each other's requests, nor on a draft never sent", async () => {
    const change = await offer(h, 'change.approve', users.alice);
    const grant = await offer(h, 'grant.approve', users.alice);
    const draft = await offer(h, 'change.submit', users.alice);
    for (const [verb, approvalId, text] of [
      ['grant.approve', change.data.approvalId, messages('en').common.refused.missing],
      ['change.approve', grant.data.approvalId, messages('en').lifecycle.refused.missing],
      ['change.reject', grant.data.approvalId, messages('en').lifecycle.refused.missing],
      ['change.approve', draft.data.approvalId, messages('en').lifecycle.refused.missing],
      ['change.confirm', change.data.approvalId, messages('en').lifecycle.refused.submitted],
    ] as const) {
      const wrote = await writesOf(h, async () => {
        const click = await h.click(
          verb,
          { approvalId, comment: 'x', confirmName: 'vm001' },
          { user: verb === 'change.confirm' ? users.alice : users.bob },
        );
        expect([verb, refusedText(click)]).toEqual([verb, text]);
      });
      expect([verb, wrote]).toEqual([verb, { azure: [], state: [] }]);
    }
  });

  it("change.approve acts on the request's VM and item, whatever the card data carries", async () => {
    const live = await offer(h, 'change.approve', users.alice);
    await h.click(
      'change.approve',
      {
        ...live.data,
        vm: 'rg-prod/vm002',
        vmId: 'x',
        protectedItemName: 'vm;iaasvmcontainerv2;rg-prod;vm002',
        operation: 'deleteData',
        policyId: 'x',
      },
      { user: users.bob, replyToId: live.activityId },
    );
    const writes = h.simulator.requests.filter(isAzureWrite);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      expect.stringMatching(/^PUT .*protectedItems\/vm;iaasvmcontainerv2;rg-prod;vm001$/i),
    ]);
  });

  it("backup.confirm acts on the pending confirmation's VM, whatever other fields the card data carries", async () => {
    const live = await offer(h, 'backup.confirm', users.alice);
    const other = `/subscriptions/${h.simulator.subscriptionId}/resourceGroups/rg-prod/providers/Microsoft.Compute/virtualMachines/vm002`;
    await h.click(
      'backup.confirm',
      {
        ...live.data,
        vm: 'rg-prod/vm002',
        vmId: other,
        containerName: 'iaasvmcontainer;iaasvmcontainerv2;rg-prod;vm002',
        protectedItemName: 'vm;iaasvmcontainerv2;rg-prod;vm002',
        vaultId: 'x',
      },
      { user: users.alice, replyToId: live.activityId },
    );
    const writes = h.simulator.requests.filter(isAzureWrite);
    expect(writes.map((r) => r.path).join('\n')).not.toMatch(/vm002/i);
    expect(writes.filter((r) => /\/backup$/i.test(r.path)).map((r) => r.path)).toEqual([
      expect.stringMatching(/protectedItems\/vm;iaasvmcontainerv2;[^;/]+;vm001\/backup$/i),
    ]);
  });
});
