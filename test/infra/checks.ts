/**
 * Every offline check of infra/azuredeploy.json in one call: the JSON schemas (structure and each resource), names
 * (parameters, variables, dependsOn), and, per parameter set, what the template deploys (roles, identity, settings,
 * web app). Returns the problems; none means the template passes. Each problem starts with its check's name and ends
 * with the parameter set it was found with.
 */
import type { ArmSchemas } from './arm-schemas';
import { allTemplates, expandTemplate, type Json, type Scope } from './arm-template';
import { appProblems, type AppExpectations } from './checks-app';
import { roleProblems } from './checks-roles';
import { dependencyProblems, rawTemplates, referenceProblems, schemaProblems } from './checks-structure';

/** Where the checks pretend to deploy: a resource group in the subscription of the example parameters. */
export const DEPLOYMENT_SCOPE: Scope = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroup: 'rg-ade-backup-bot',
  location: 'japaneast',
  tenantId: '99999999-9999-4999-8999-999999999999',
};

export interface TemplateCheck {
  template: Json;
  /** Named parameter sets, each expanded and checked. */
  parameterSets: Record<string, Record<string, unknown>>;
  app: AppExpectations;
  schemas: ArmSchemas;
}

export function checkTemplate({ template, parameterSets, app, schemas }: TemplateCheck): string[] {
  const problems: string[] = [];
  for (const t of rawTemplates(template)) problems.push(...schemaProblems(schemas, t), ...referenceProblems(t));
  for (const [name, parameters] of Object.entries(parameterSets)) {
    const expanded = expandTemplate(template, parameters, DEPLOYMENT_SCOPE);
    const found = [
      ...allTemplates(expanded).flatMap((t) => t.problems),
      ...dependencyProblems(expanded),
      ...roleProblems(expanded),
      ...appProblems(expanded, app),
    ];
    problems.push(...found.map((p) => `${p} [parameters: ${name}]`));
  }
  return problems;
}
