/**
 * ARM template expressions (`"[resourceId('Microsoft.Web/sites', variables('siteName'))]"`), parsed here and evaluated
 * offline, so the infra tests can see what a template deploys without Azure: which role at which scope, for which
 * principal. Only the functions infra/azuredeploy.json uses are implemented; anything else throws, so a new function
 * in the template fails the test instead of being guessed at. Syntax and semantics follow
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions.
 *
 * Values Azure computes at deployment time (a managed identity's principal id, a storage key) become marker strings:
 * `reference(<resource id>).principalId`, `listKeys(<resource id>).keys[0].value`. Two expressions that point at the
 * same identity therefore evaluate to the same marker, which is what the identity checks compare.
 */
import { createHash } from 'node:crypto';

export type Ast =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: Ast[] }
  | { kind: 'property'; target: Ast; name: string }
  | { kind: 'index'; target: Ast; index: Ast };

export class ExpressionError extends Error {}

/** What an expression can see: the deployment's scope, its parameters and variables, the copy loop's index. */
export interface EvalContext {
  subscriptionId: string;
  /** Undefined at subscription scope. */
  resourceGroup?: string;
  location: string;
  tenantId: string;
  deploymentName: string;
  parameter(name: string): unknown;
  variable(name: string): unknown;
  copyIndex?: number;
  /** Called with the resource id of every reference() and list*() call. */
  onReference?(resourceId: string): void;
}

/** A resource's runtime state: property access yields a marker string naming the resource and the property. */
export class RuntimeReference {
  constructor(readonly resourceId: string) {}
}

export function isExpression(text: string): boolean {
  return text.startsWith('[') && !text.startsWith('[[') && text.endsWith(']');
}

export function parseExpression(source: string): Ast {
  let pos = 0;
  const fail = (what: string): never => {
    throw new ExpressionError(`${what} at ${pos} in [${source}]`);
  };
  const skip = () => {
    while (source[pos] === ' ') pos++;
  };
  const primary = (): Ast => {
    skip();
    if (source[pos] === "'") {
      let value = '';
      for (pos++; ; pos++) {
        if (pos >= source.length) fail('unterminated string');
        if (source[pos] === "'") {
          if (source[pos + 1] !== "'") break;
          pos++;
        }
        value += source[pos];
      }
      pos++;
      return { kind: 'string', value };
    }
    const number = /^-?\d+/.exec(source.slice(pos));
    if (number) {
      pos += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    const name = /^[A-Za-z_][\w.]*/.exec(source.slice(pos));
    if (!name) return fail('expected a value');
    pos += name[0].length;
    skip();
    if (source[pos] !== '(') fail(`expected ( after ${name[0]}`);
    pos++;
    const args: Ast[] = [];
    skip();
    while (source[pos] !== ')') {
      args.push(chain());
      skip();
      if (source[pos] === ',') pos++;
      else if (source[pos] !== ')') fail('expected , or )');
    }
    pos++;
    return { kind: 'call', name: name[0], args };
  };
  const chain = (): Ast => {
    let node = primary();
    for (;;) {
      skip();
      if (source[pos] === '.') {
        const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(++pos));
        if (!name) fail('expected a property name');
        pos += name![0].length;
        node = { kind: 'property', target: node, name: name![0] };
      } else if (source[pos] === '[') {
        pos++;
        const index = chain();
        skip();
        if (source[pos++] !== ']') fail('expected ]');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  };
  const ast = chain();
  skip();
  if (pos !== source.length) fail('unexpected text');
  return ast;
}

/** Deterministic stand-in for an ARM hash: same inputs, same output, as in Azure. */
export function hashOf(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
