/**
 * Expands an ARM template the way Resource Manager would, offline: parameters checked against their declarations
 * (type, allowed values, lengths) and defaulted, variables and expressions evaluated, conditions and copy loops
 * applied, nested deployments (`Microsoft.Resources/deployments` with an inline template, inner scope) expanded at the
 * subscription or resource group they target, and every resource given the resource id Azure would give it.
 */
import { evaluateString } from './arm-evaluate';
import { ExpressionError, type EvalContext } from './arm-expression';
import { resourceIdOf } from './arm-functions';

export type Json = Record<string, any>;

export interface Scope {
  subscriptionId: string;
  /** Undefined for a subscription-scope deployment. */
  resourceGroup?: string;
  location: string;
  tenantId: string;
}

export interface DeployedResource {
  /** JSON path in the template file, with `#i` for the i-th copy of a copy loop. */
  path: string;
  raw: Json;
  type: string;
  name: string;
  apiVersion: string;
  id: string;
  /** The resource with its expressions evaluated (a nested deployment's template is left as written). */
  value: Json;
  dependsOn: string[];
  /** Resource ids passed to reference() or list*() while evaluating this resource. */
  references: string[];
}

export interface ExpandedTemplate {
  /** JSON path of this template in the file ('' for the file itself). */
  path: string;
  raw: Json;
  scope: Scope;
  resources: DeployedResource[];
  /** Resources whose condition is false: not deployed, but a dependsOn may still name them (ARM then drops it). */
  skipped: { path: string; name: string; id: string }[];
  /** The parameters' values, given or defaulted. */
  parameters: Record<string, unknown>;
  outputs: Record<string, unknown>;
  nested: ExpandedTemplate[];
  /** Evaluation failures and parameter violations, as `evaluate: <path>: <what>` / `parameters: <what>`. */
  problems: string[];
}

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  securestring: (v) => typeof v === 'string',
  int: (v) => Number.isInteger(v),
  bool: (v) => typeof v === 'boolean',
  array: Array.isArray,
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  secureobject: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

function parameterProblem(name: string, def: Json, value: unknown): string | undefined {
  if (!TYPES[String(def.type).toLowerCase()]?.(value))
    return `${name} must be of type ${def.type}, got ${JSON.stringify(value)}`;
  if (def.allowedValues && !def.allowedValues.includes(value))
    return `${name} must be one of ${def.allowedValues.join(', ')}`;
  const size = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (size !== undefined && def.minLength !== undefined && size < def.minLength)
    return `${name} is shorter than ${def.minLength}`;
  if (size !== undefined && def.maxLength !== undefined && size > def.maxLength)
    return `${name} is longer than ${def.maxLength}`;
  if (typeof value === 'number' && (value < (def.minValue ?? -Infinity) || value > (def.maxValue ?? Infinity)))
    return `${name} is out of range`;
  return undefined;
}

/** Evaluates every expression in a JSON value, object keys included. */
export function evaluateDeep(value: unknown, ctx: EvalContext): unknown {
  if (typeof value === 'string') return evaluateString(value, ctx);
  if (Array.isArray(value)) return value.map((v) => evaluateDeep(v, ctx));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [String(evaluateString(k, ctx)), evaluateDeep(v, ctx)]),
    );
  }
  return value;
}

function contextFor(
  raw: Json,
  given: Record<string, unknown>,
  scope: Scope,
  deploymentName: string,
  problems: string[],
): EvalContext {
  const params = new Map<string, unknown>();
  const vars = new Map<string, unknown>();
  const resolving = new Set<string>();
  const declared = raw.parameters ?? {};
  for (const name of Object.keys(given))
    if (!(name in declared)) problems.push(`parameters: ${name} is given but the template does not declare it`);
  const ctx: EvalContext = {
    ...scope,
    deploymentName,
    parameter(name) {
      if (params.has(name)) return params.get(name);
      const def = declared[name];
      if (!def) throw new ExpressionError(`parameters('${name}') is not declared`);
      const value =
        name in given ? given[name] : def.defaultValue === undefined ? undefined : evaluateDeep(def.defaultValue, ctx);
      if (value === undefined) throw new ExpressionError(`parameter ${name} has no value and no default`);
      params.set(name, value);
      return value;
    },
    variable(name) {
      if (vars.has(name)) return vars.get(name);
      if (!raw.variables || !(name in raw.variables)) throw new ExpressionError(`variables('${name}') is not declared`);
      if (resolving.has(name)) throw new ExpressionError(`variable ${name} refers to itself`);
      resolving.add(name);
      const value = evaluateDeep(raw.variables[name], ctx);
      resolving.delete(name);
      vars.set(name, value);
      return value;
    },
  };
  for (const [name, def] of Object.entries<Json>(declared)) {
    try {
      const problem = parameterProblem(name, def, ctx.parameter(name));
      if (problem) problems.push(`parameters: ${problem}`);
    } catch (error) {
      problems.push(`parameters: ${(error as Error).message}`);
    }
  }
  return ctx;
}

function idOf(type: string, name: string, scopeProperty: unknown, scope: Scope): string {
  const prefix = `/subscriptions/${scope.subscriptionId}${scope.resourceGroup === undefined ? '' : `/resourceGroups/${scope.resourceGroup}`}`;
  if (typeof scopeProperty === 'string') {
    return resourceIdOf(scopeProperty.startsWith('/') ? scopeProperty : `${prefix}/providers/${scopeProperty}`, type, [
      name,
    ]);
  }
  return resourceIdOf(prefix, type, type.split('/').length > 2 ? name.split('/') : [name]);
}

function expandResource(raw: Json, path: string, ctx: EvalContext, scope: Scope, into: ExpandedTemplate): void {
  const references: string[] = [];
  const c: EvalContext = { ...ctx, onReference: (id) => references.push(id) };
  if (raw.condition !== undefined && evaluateDeep(raw.condition, c) !== true) {
    const [type, name] = [evaluateDeep(raw.type, ctx), evaluateDeep(raw.name, ctx)].map(String) as [string, string];
    into.skipped.push({
      path,
      name,
      id: idOf(type, name, raw.scope === undefined ? undefined : evaluateDeep(raw.scope, ctx), scope),
    });
    return;
  }
  const isDeployment = String(raw.type).toLowerCase() === 'microsoft.resources/deployments';
  const rest = { ...raw };
  delete rest.copy;
  delete rest.condition;
  const template = isDeployment ? rest.properties?.template : undefined;
  const value = evaluateDeep(
    isDeployment ? { ...rest, properties: { ...rest.properties, template: undefined } } : rest,
    c,
  ) as Json;
  const type = String(value.type);
  const name = String(value.name);
  let id: string;
  if (isDeployment) {
    const target: Scope = {
      subscriptionId: value.subscriptionId ?? scope.subscriptionId,
      // From a resource group deployment, subscriptionId without resourceGroup targets the subscription itself.
      resourceGroup: value.resourceGroup ?? (value.subscriptionId === undefined ? scope.resourceGroup : undefined),
      location: value.location ?? scope.location,
      tenantId: scope.tenantId,
    };
    id = idOf(type, name, undefined, target);
    if (value.properties?.expressionEvaluationOptions?.scope?.toLowerCase() !== 'inner') {
      into.problems.push(`evaluate: ${path}: a nested deployment must use expressionEvaluationOptions.scope "inner"`);
    }
    const given = Object.fromEntries(
      Object.entries<Json>(value.properties?.parameters ?? {}).map(([k, v]) => [k, v.value]),
    );
    into.nested.push(expandTemplate(template, given, target, `${path}.properties.template`, name));
  } else {
    id = idOf(type, name, value.scope, scope);
  }
  into.resources.push({
    path,
    raw,
    type,
    name,
    apiVersion: String(value.apiVersion),
    id,
    value,
    dependsOn: value.dependsOn ?? [],
    references,
  });
}

export function expandTemplate(
  raw: Json,
  given: Record<string, unknown>,
  scope: Scope,
  path = '',
  deploymentName = 'azuredeploy',
): ExpandedTemplate {
  const out: ExpandedTemplate = {
    path,
    raw,
    scope,
    resources: [],
    skipped: [],
    parameters: {},
    outputs: {},
    nested: [],
    problems: [],
  };
  const ctx = contextFor(raw, given, scope, deploymentName, out.problems);
  for (const name of Object.keys(raw.parameters ?? {})) {
    try {
      out.parameters[name] = ctx.parameter(name);
    } catch {
      // Already reported by contextFor.
    }
  }
  const attempt = (where: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      out.problems.push(`evaluate: ${where}: ${error.message}`);
    }
  };
  (raw.resources ?? []).forEach((resource: Json, i: number) => {
    const where = `${path}${path ? '.' : ''}resources[${i}]`;
    attempt(where, () => {
      if (!resource.copy) return expandResource(resource, where, ctx, scope, out);
      const count = evaluateDeep(resource.copy.count, ctx);
      if (!Number.isInteger(count)) throw new ExpressionError(`copy count is ${JSON.stringify(count)}`);
      for (let k = 0; k < (count as number); k++)
        attempt(`${where}#${k}`, () => expandResource(resource, `${where}#${k}`, { ...ctx, copyIndex: k }, scope, out));
    });
  });
  for (const [name, output] of Object.entries<Json>(raw.outputs ?? {})) {
    attempt(`${path}outputs.${name}`, () => (out.outputs[name] = evaluateDeep(output.value, ctx)));
  }
  return out;
}

/** This template and every template nested in it, depth first. */
export function allTemplates(t: ExpandedTemplate): ExpandedTemplate[] {
  return [t, ...t.nested.flatMap(allTemplates)];
}
