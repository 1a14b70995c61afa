/**
 * The ARM template functions the offline evaluator knows (names lower-cased, as ARM matches them case-insensitively).
 * Each follows https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions; values only
 * Azure knows at deployment time are marker strings (see arm-expression.ts).
 */
import { ExpressionError, RuntimeReference, hashOf, type Ast, type EvalContext } from './arm-expression';

type ArmFunction = (args: Ast[], ctx: EvalContext, ev: (node: Ast) => unknown) => unknown;

const str = (value: unknown, fn: string): string => {
  if (typeof value !== 'string') throw new ExpressionError(`${fn}() expects a string, got ${JSON.stringify(value)}`);
  return value;
};
const arr = (value: unknown, fn: string): unknown[] => {
  if (!Array.isArray(value)) throw new ExpressionError(`${fn}() expects an array, got ${JSON.stringify(value)}`);
  return value;
};

/** Eager functions: every argument evaluated first. */
function eager(fn: (values: unknown[], ctx: EvalContext) => unknown): ArmFunction {
  return (args, ctx, ev) => fn(args.map(ev), ctx);
}

/** `{0}` placeholders, `{{` and `}}` as literal braces (.NET composite formatting, which format() uses). */
function format(pattern: string, values: unknown[]): string {
  return pattern.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index?: string) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    if (Number(index) >= values.length) throw new ExpressionError(`format() has no argument ${index}`);
    return toText(values[Number(index)]);
  });
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** `/subscriptions/…[/resourceGroups/…]/providers/Ns/type1/name1/type2/name2`. */
export function resourceIdOf(prefix: string, type: string, names: string[]): string {
  const [namespace, ...types] = type.split('/');
  if (!namespace || types.length !== names.length)
    throw new ExpressionError(`resource type ${type} needs ${types.length} name(s), got ${names.length}`);
  return `${prefix}/providers/${namespace}${types.map((t, i) => `/${t}/${names[i]}`).join('')}`;
}

function resourceId(values: unknown[], ctx: EvalContext): string {
  const typeAt = values.findIndex((v) => typeof v === 'string' && v.includes('/'));
  if (typeAt < 0 || typeAt > 2) throw new ExpressionError('resourceId() needs a resource type');
  const [sub, rg] =
    typeAt === 2 ? values : typeAt === 1 ? [ctx.subscriptionId, values[0]] : [ctx.subscriptionId, ctx.resourceGroup];
  const prefix =
    rg === undefined
      ? `/subscriptions/${str(sub, 'resourceId')}`
      : `/subscriptions/${str(sub, 'resourceId')}/resourceGroups/${str(rg, 'resourceId')}`;
  return resourceIdOf(
    prefix,
    str(values[typeAt], 'resourceId'),
    values.slice(typeAt + 1).map((v) => str(v, 'resourceId')),
  );
}

function subscriptionResourceId(values: unknown[], ctx: EvalContext): string {
  const typeAt = values.findIndex((v) => typeof v === 'string' && v.includes('/'));
  if (typeAt < 0 || typeAt > 1) throw new ExpressionError('subscriptionResourceId() needs a resource type');
  const sub = typeAt === 1 ? str(values[0], 'subscriptionResourceId') : ctx.subscriptionId;
  return resourceIdOf(
    `/subscriptions/${sub}`,
    str(values[typeAt], 'subscriptionResourceId'),
    values.slice(typeAt + 1).map((v) => str(v, 'subscriptionResourceId')),
  );
}

function guid(values: unknown[]): string {
  const h = hashOf(['guid', ...values.map((v) => str(v, 'guid'))]);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function equal(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string'
    ? a.toLowerCase() === b.toLowerCase()
    : JSON.stringify(a) === JSON.stringify(b);
}

export const armFunctions: Record<string, ArmFunction> = {
  parameters: eager(([name], ctx) => ctx.parameter(str(name, 'parameters'))),
  variables: eager(([name], ctx) => ctx.variable(str(name, 'variables'))),
  copyindex: eager(([offset], ctx) => {
    if (ctx.copyIndex === undefined) throw new ExpressionError('copyIndex() outside a copy loop');
    return ctx.copyIndex + (typeof offset === 'number' ? offset : 0);
  }),
  if: (args, _ctx, ev) => {
    if (args.length !== 3) throw new ExpressionError('if() takes 3 arguments');
    // Only the branch the condition selects is evaluated, as in ARM.
    return ev(args[0]) === true ? ev(args[1]) : ev(args[2]);
  },
  format: eager(([pattern, ...values]) => format(str(pattern, 'format'), values)),
  concat: eager((values) => (values.every(Array.isArray) ? values.flat() : values.map(toText).join(''))),
  string: eager(([value]) => toText(value)),
  join: eager(([values, separator]) =>
    arr(values, 'join')
      .map((v) => str(v, 'join'))
      .join(str(separator, 'join')),
  ),
  split: eager(([text, separator]) => str(text, 'split').split(str(separator, 'split'))),
  replace: eager(([text, from, to]) => str(text, 'replace').split(str(from, 'replace')).join(str(to, 'replace'))),
  tolower: eager(([text]) => str(text, 'toLower').toLowerCase()),
  take: eager(([value, count]) => (Array.isArray(value) ? value : str(value, 'take')).slice(0, Number(count))),
  last: eager(([value]) => (Array.isArray(value) ? value[value.length - 1] : str(value, 'last').slice(-1))),
  length: eager(([value]) =>
    Array.isArray(value) || typeof value === 'string' ? value.length : Object.keys(value as object).length,
  ),
  empty: eager(
    ([value]) =>
      value === null ||
      value === '' ||
      (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0),
  ),
  not: eager(([value]) => value !== true),
  equals: eager(([a, b]) => equal(a, b)),
  true: () => true,
  false: () => false,
  guid: eager((values) => guid(values)),
  uniquestring: eager((values) =>
    hashOf(['uniqueString', ...values.map((v) => str(v, 'uniqueString'))])
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 13),
  ),
  resourceid: eager(resourceId),
  subscriptionresourceid: eager(subscriptionResourceId),
  subscription: eager((_v, ctx) => ({
    id: `/subscriptions/${ctx.subscriptionId}`,
    subscriptionId: ctx.subscriptionId,
    tenantId: ctx.tenantId,
  })),
  resourcegroup: eager((_v, ctx) => {
    if (ctx.resourceGroup === undefined) throw new ExpressionError('resourceGroup() at subscription scope');
    return {
      id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}`,
      name: ctx.resourceGroup,
      location: ctx.location,
    };
  }),
  deployment: eager((_v, ctx) => ({ name: ctx.deploymentName })),
  environment: eager(() => ({
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com/',
    suffixes: { storage: 'core.windows.net' },
  })),
  reference: eager(([id], ctx) => {
    ctx.onReference?.(str(id, 'reference'));
    return new RuntimeReference(str(id, 'reference'));
  }),
  listkeys: eager(([id], ctx) => {
    ctx.onReference?.(str(id, 'listKeys'));
    return { keys: [{ value: `listKeys(${str(id, 'listKeys')}).keys[0].value` }] };
  }),
};
