/**
 * The official SDK clients, all pointed at one ARM endpoint. Each asks for `<endpoint>/.default` tokens (compute and
 * recovery services would otherwise ask for management.azure.com), trusts an extra CA when one is given (a local ARM
 * server), and gives every try a timeout so a silent server becomes `AzureUnreachable` instead of a hang.
 */
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ComputeManagementClient, type ComputeManagementClientOptionalParams } from '@azure/arm-compute';
import { FeatureClient } from '@azure/arm-features';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { TokenCredential } from '@azure/identity';

/** The SDKs' own pipeline-policy entry type (core-rest-pipeline is not a direct dependency). */
type AdditionalPolicy = NonNullable<ComputeManagementClientOptionalParams['additionalPolicies']>[number];

export interface ClientSettings {
  subscriptionId: string;
  endpoint: string;
  credential: TokenCredential;
  tlsCa?: string;
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  requestTimeoutMs: number;
}

export interface AzureClients {
  compute: ComputeManagementClient;
  keyVault: KeyVaultManagementClient;
  authorization: AuthorizationManagementClient;
  recoveryServices: RecoveryServicesClient;
  backup: RecoveryServicesBackupClient;
  /** Subscription feature states (the EncryptionAtHost feature, for the ADE retirement report). */
  features: FeatureClient;
}

/** A per-try policy: requests without their own timeout get ours. */
function timeoutPolicy(ms: number): AdditionalPolicy {
  return {
    policy: {
      name: 'adeBackupBotTimeout',
      sendRequest: (request, next) => {
        if (!request.timeout) request.timeout = ms;
        return next(request);
      },
    },
    position: 'perRetry',
  };
}

export function createClients(s: ClientSettings): AzureClients {
  const endpoint = s.endpoint.replace(/\/+$/, '');
  const scopes = [`${endpoint}/.default`];
  const common = {
    endpoint,
    ...(s.tlsCa ? { tlsOptions: { ca: s.tlsCa } } : {}),
    ...(s.retry ? { retryOptions: s.retry } : {}),
    additionalPolicies: [timeoutPolicy(s.requestTimeoutMs)],
  };
  const modular = { ...common, credentials: { scopes } };
  const classic = { ...common, credentialScopes: scopes };
  const clients: AzureClients = {
    compute: new ComputeManagementClient(s.credential, s.subscriptionId, modular),
    keyVault: new KeyVaultManagementClient(s.credential, s.subscriptionId, modular),
    recoveryServices: new RecoveryServicesClient(s.credential, s.subscriptionId, modular),
    authorization: new AuthorizationManagementClient(s.credential, s.subscriptionId, classic),
    backup: new RecoveryServicesBackupClient(s.credential, s.subscriptionId, classic),
    features: new FeatureClient(s.credential, s.subscriptionId, classic),
  };
  // The bot exports no traces: the tracing policy would only build spans nobody reads, on every request.
  const pipelines = Object.values(clients) as { pipeline: { removePolicy(policy: { name: string }): unknown } }[];
  for (const client of pipelines) client.pipeline.removePolicy({ name: 'tracingPolicy' });
  return clients;
}
