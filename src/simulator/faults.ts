/** Fault injection: rules consumed in order, each for its `times` matching requests. */
import type { FaultRule } from './types';

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class Faults {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule matching this request, counted as used. */
  take(method: string, path: string): FaultRule | undefined {
    const hit = this.rules.find(
      (r) =>
        r.remaining > 0 &&
        (!r.rule.method || r.rule.method.toUpperCase() === method.toUpperCase()) &&
        r.rule.path.test(path),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return hit.rule;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
