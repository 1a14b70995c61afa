/**
 * Evaluates parsed ARM expressions (arm-expression.ts) with the functions of arm-functions.ts.
 */
import {
  ExpressionError,
  RuntimeReference,
  isExpression,
  parseExpression,
  type Ast,
  type EvalContext,
} from './arm-expression';
import { armFunctions } from './arm-functions';

function member(target: unknown, key: unknown): unknown {
  if (target instanceof RuntimeReference) return `reference(${target.resourceId}).${String(key)}`;
  if (Array.isArray(target) && typeof key === 'number') {
    if (key < 0 || key >= target.length)
      throw new ExpressionError(`index ${key} is outside an array of ${target.length}`);
    return target[key];
  }
  if (target && typeof target === 'object' && typeof key === 'string') {
    // ARM looks properties up case-insensitively.
    const found = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase());
    if (found === undefined) throw new ExpressionError(`no property ${key}`);
    return (target as Record<string, unknown>)[found];
  }
  throw new ExpressionError(`cannot read ${String(key)} of ${JSON.stringify(target)}`);
}

export function evaluateAst(ast: Ast, ctx: EvalContext): unknown {
  switch (ast.kind) {
    case 'string':
    case 'number':
      return ast.value;
    case 'property':
      return member(evaluateAst(ast.target, ctx), ast.name);
    case 'index':
      return member(evaluateAst(ast.target, ctx), evaluateAst(ast.index, ctx));
    case 'call': {
      const fn = armFunctions[ast.name.toLowerCase()];
      if (!fn) throw new ExpressionError(`function ${ast.name}() is not supported by the offline evaluator`);
      return fn(ast.args, ctx, (node) => evaluateAst(node, ctx));
    }
  }
}

/** A template string: an expression is evaluated, `[[` escapes a literal `[`, anything else is itself. */
export function evaluateString(text: string, ctx: EvalContext): unknown {
  if (text.startsWith('[[')) return text.slice(1);
  return isExpression(text) ? evaluateAst(parseExpression(text.slice(1, -1)), ctx) : text;
}
