/** Key Vault reads, role reads and the two grant writes, through the real SDKs against the simulator. */
import { randomUUID } from 'node:crypto';
import {
  BACKUP_KEY_VAULT_DATA_ACTIONS,
  BACKUP_KEY_VAULT_READER_ROLE_ID,
  KEY_VAULT_ADMINISTRATOR_ROLE_ID,
  SIM_BACKUP_MANAGEMENT_OBJECT_ID,
  SIM_OTHER_USER_OBJECT_ID,
  SIM_SUBSCRIPTION_ID,
  SIM_TENANT_ID,
} from '../../src/simulator';
import { fetchSim, seen, useHarness } from './sim-harness';

const kv = (name: string) =>
  `/subscriptions/${SIM_SUBSCRIPTION_ID}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/${name}`;
const BMS = SIM_BACKUP_MANAGEMENT_OBJECT_ID;

const h = useHarness({}, { backupManagementObjectId: BMS });

describe('Key Vault reads', () => {
  it('reads kv-ade-prod: access policies with Backup Management Service already granted', async () => {
    const vault = await h.port.getKeyVault(kv('kv-ade-prod'));
    expect(vault).toMatchObject({
      name: 'kv-ade-prod',
      resourceGroup: 'rg-security',
      tenantId: SIM_TENANT_ID,
      permissionModel: 'accessPolicy',
      enabledForDiskEncryption: true,
    });
    expect(vault.accessPolicies.find((p) => p.objectId === BMS)).toMatchObject({
      keys: ['get', 'list', 'backup'],
      secrets: ['get', 'list', 'backup'],
    });
  });

  it('reads kv-ade-noaccess: another user has a policy, Backup has none', async () => {
    const vault = await h.port.getKeyVault(kv('kv-ade-noaccess'));
    expect(vault.accessPolicies.map((p) => p.objectId)).toEqual([SIM_OTHER_USER_OBJECT_ID]);
  });

  it('reads kv-ade-rbac as an RBAC vault', async () => {
    expect((await h.port.getKeyVault(kv('kv-ade-rbac'))).permissionModel).toBe('rbac');
  });

  it('finds a Key Vault by name, case-insensitively', async () => {
    const found = await h.port.findKeyVaults('KV-CMK');
    expect(found.map((v) => v.id)).toEqual([kv('kv-cmk')]);
  });

  it('answers ResourceNotFound for a vault that does not exist', async () => {
    await expect(h.port.getKeyVault(kv('kv-missing'))).rejects.toMatchObject({
      code: 'ResourceNotFound',
      statusCode: 404,
    });
  });

  it('refuses an id that is not a Key Vault id', async () => {
    await expect(
      h.port.getKeyVault('/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/disks/d'),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});

describe('roles', () => {
  it('reads Key Vault Administrator and the custom least-privilege role', async () => {
    const admin = await h.port.getRoleDefinition(KEY_VAULT_ADMINISTRATOR_ROLE_ID);
    expect(admin).toMatchObject({ roleName: 'Key Vault Administrator', dataActions: ['Microsoft.KeyVault/vaults/*'] });
    const custom = await h.port.getRoleDefinition(
      `/subscriptions/${SIM_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${BACKUP_KEY_VAULT_READER_ROLE_ID}`,
    );
    expect(custom.dataActions.sort()).toEqual([...BACKUP_KEY_VAULT_DATA_ACTIONS].sort());
  });

  it('lists assignments that apply at a vault scope, inherited ones included', async () => {
    const found = await h.port.listRoleAssignments(kv('kv-ade-rbac'), SIM_OTHER_USER_OBJECT_ID);
    expect(found.map((a) => a.scope).sort()).toEqual(
      [`/subscriptions/${SIM_SUBSCRIPTION_ID}`, kv('kv-ade-rbac')].sort(),
    );
    const request = seen(h, 'GET', /kv-ade-rbac\/providers\/Microsoft\.Authorization\/roleAssignments$/i).pop();
    expect(request?.query['$filter']).toBe(`principalId eq '${SIM_OTHER_USER_OBJECT_ID}'`);
  });

  it('finds no assignment for Backup Management Service on kv-ade-rbac', async () => {
    await expect(h.port.listRoleAssignments(kv('kv-ade-rbac'), BMS)).resolves.toEqual([]);
  });

  it('refuses a principal id that could reshape the $filter', async () => {
    await expect(h.port.listRoleAssignments(kv('kv-ade-rbac'), "x' or principalId eq 'y")).rejects.toMatchObject({
      code: 'InvalidInput',
    });
  });
});

describe('grants', () => {
  it('adds an access policy with the add operation and returns the vault as read back', async () => {
    const { vault, requestId } = await h.port.addAccessPolicy(kv('kv-ade-noaccess'), {
      tenantId: SIM_TENANT_ID,
      objectId: BMS,
      keys: [],
      secrets: ['get', 'list', 'backup'],
      certificates: [],
    });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(vault.accessPolicies.find((p) => p.objectId === BMS)).toMatchObject({
      secrets: ['get', 'list', 'backup'],
      keys: [],
    });
    expect(vault.accessPolicies.find((p) => p.objectId === SIM_OTHER_USER_OBJECT_ID)).toBeDefined();
    const put = seen(h, 'PUT', /kv-ade-noaccess\/accessPolicies\/add$/i);
    expect(put).toHaveLength(1);
    expect(put[0]?.body).toEqual({
      properties: {
        accessPolicies: [
          {
            tenantId: SIM_TENANT_ID,
            objectId: BMS,
            permissions: { keys: [], secrets: ['get', 'list', 'backup'], certificates: [] },
          },
        ],
      },
    });
  });

  it('creates a role assignment on kv-ade-rbac with a new GUID name', async () => {
    const { assignment, requestId } = await h.port.createRoleAssignment(
      kv('kv-ade-rbac'),
      KEY_VAULT_ADMINISTRATOR_ROLE_ID,
      BMS,
    );
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(assignment).toMatchObject({ scope: kv('kv-ade-rbac'), principalId: BMS });
    expect(assignment.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const put = seen(h, 'PUT', /\/providers\/Microsoft\.Authorization\/roleAssignments\//i).pop();
    expect(put?.path).toBe(`${kv('kv-ade-rbac')}/providers/Microsoft.Authorization/roleAssignments/${assignment.name}`);
    expect(put?.body).toEqual({
      properties: {
        roleDefinitionId: `/subscriptions/${SIM_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_ADMINISTRATOR_ROLE_ID}`,
        principalId: BMS,
        principalType: 'ServicePrincipal',
      },
    });
    await expect(h.port.listRoleAssignments(kv('kv-ade-rbac'), BMS)).resolves.toHaveLength(1);
  });

  it('answers RoleAssignmentExists when the same grant is made twice', async () => {
    await expect(
      h.port.createRoleAssignment(kv('kv-ade-rbac'), KEY_VAULT_ADMINISTRATOR_ROLE_ID, BMS),
    ).rejects.toMatchObject({ code: 'RoleAssignmentExists', statusCode: 409 });
  });

  it('accepts the SDK double slash for a scope that starts with /', async () => {
    const name = randomUUID();
    const scope = `//subscriptions/${SIM_SUBSCRIPTION_ID}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-cmk/providers/Microsoft.Authorization/roleAssignments/${name}`;
    const body = {
      properties: {
        roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${BACKUP_KEY_VAULT_READER_ROLE_ID}`,
        principalId: randomUUID(),
      },
    };
    const res = await fetchSim(h, 'PUT', scope, { body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      properties: {
        scope: `/subscriptions/${SIM_SUBSCRIPTION_ID}/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-cmk`,
      },
    });
  });
});
