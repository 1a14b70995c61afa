/**
 * What JSON schemas cannot see in a template: names. A misspelled parameter or variable in an expression, a parameter
 * nobody uses, a dependsOn that points at nothing, a reference() to a resource the reader does not wait for. Each
 * problem starts with its check's name (`reference:`, `unused:`, `dependsOn:`, `implicit:`, `schema:`).
 */
import { isExpression } from './arm-expression';
import type { ArmSchemas } from './arm-schemas';
import { allTemplates, type ExpandedTemplate, type Json } from './arm-template';

const DEPLOYMENTS = 'microsoft.resources/deployments';
const NAME_CALL = /\b(parameters|variables)\s*\(\s*'((?:[^']|'')*)'\s*\)/gi;

interface RawTemplate {
  path: string;
  raw: Json;
  scope: 'resourceGroup' | 'subscription';
}

/** The file's template and every inline nested template, with the scope each deploys at. */
export function rawTemplates(raw: Json, path = '', scope: RawTemplate['scope'] = 'resourceGroup'): RawTemplate[] {
  const nested = (raw.resources ?? []).flatMap((r: Json, i: number) => {
    if (String(r.type).toLowerCase() !== DEPLOYMENTS || !r.properties?.template) return [];
    const target = r.subscriptionId !== undefined && r.resourceGroup === undefined ? 'subscription' : 'resourceGroup';
    return rawTemplates(r.properties.template, `${path}${path ? '.' : ''}resources[${i}].properties.template`, target);
  });
  return [{ path, raw, scope }, ...nested];
}

/** Every string in a template (object keys too), leaving out inline nested templates, which have their own names. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') {
    const obj = value as Json;
    const nestedTemplate = String(obj.type).toLowerCase() === DEPLOYMENTS ? obj.properties?.template : undefined;
    for (const [k, v] of Object.entries(obj)) {
      out.push(k);
      stringsOf(k === 'properties' && nestedTemplate ? { ...v, template: undefined } : v, out);
    }
  }
  return out;
}

export function referenceProblems(t: RawTemplate): string[] {
  const problems: string[] = [];
  const declared = { parameters: Object.keys(t.raw.parameters ?? {}), variables: Object.keys(t.raw.variables ?? {}) };
  const used = { parameters: new Set<string>(), variables: new Set<string>() };
  const where = t.path || 'the template';
  for (const text of stringsOf({ ...t.raw, $schema: undefined })) {
    if (!isExpression(text)) continue;
    for (const [, kind, name] of text.matchAll(NAME_CALL)) {
      const k = kind.toLowerCase() as 'parameters' | 'variables';
      used[k].add(name);
      if (!declared[k].includes(name))
        problems.push(`reference: ${where} uses ${k}('${name}'), which it does not declare`);
    }
  }
  for (const k of ['parameters', 'variables'] as const) {
    for (const name of declared[k])
      if (!used[k].has(name))
        problems.push(
          `unused: ${where} declares ${k === 'parameters' ? 'parameter' : 'variable'} ${name} and never uses it`,
        );
  }
  return problems;
}

export function schemaProblems(schemas: ArmSchemas, t: RawTemplate): string[] {
  const where = t.path || 'the template';
  const expected = t.scope === 'subscription' ? 'subscriptionDeploymentTemplate.json' : '/deploymentTemplate.json';
  const problems = String(t.raw.$schema).includes(expected)
    ? []
    : [`schema: ${where} declares $schema ${t.raw.$schema}, not the ${t.scope} template schema`];
  problems.push(...schemas.validateDocument(t.raw).map((p) => `schema: ${where}${p}`));
  (t.raw.resources ?? []).forEach((r: Json, i: number) => {
    problems.push(
      ...schemas
        .validateResource(r, t.scope)
        .map((p) => `schema: ${where}${where === 'the template' ? ' ' : '.'}resources[${i}] (${r.type}) ${p}`),
    );
  });
  return problems;
}

export function dependencyProblems(expanded: ExpandedTemplate): string[] {
  const problems: string[] = [];
  for (const t of allTemplates(expanded)) {
    const ids = new Set([...t.resources, ...t.skipped].map((r) => r.id.toLowerCase()));
    const names = new Set(
      [...t.resources, ...t.skipped]
        .map((r) => r.name)
        .concat((t.raw.resources ?? []).map((r: Json) => r.copy?.name).filter(Boolean)),
    );
    for (const r of t.resources) {
      const dependsOn = r.dependsOn.map((d) => d.toLowerCase());
      for (const d of r.dependsOn) {
        if (!(d.startsWith('/') ? ids.has(d.toLowerCase()) : names.has(d)))
          problems.push(`dependsOn: ${r.path} depends on ${d}, which its template does not deploy`);
      }
      for (const id of new Set(r.references.map((x) => x.toLowerCase()))) {
        if (ids.has(id) && id !== r.id.toLowerCase() && !dependsOn.includes(id)) {
          problems.push(`implicit: ${r.path} reads ${id} with reference()/list*() but does not list it in dependsOn`);
        }
      }
    }
  }
  return problems;
}
