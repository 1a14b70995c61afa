/**
 * Teams' per-bot, per-conversation limits (AZURE-FACTS: 7 sends / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour), kept
 * on our side so a busy thread waits instead of collecting 429s. Pure and clock-driven: `delay` says how long to wait.
 */
export const TEAMS_CONVERSATION_LIMITS: ReadonlyArray<{ count: number; windowMs: number }> = [
  { count: 7, windowMs: 1000 },
  { count: 8, windowMs: 2000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];

/**
 * Teams counts a write when it arrives, we count it when we send it, and the network between takes a varying time:
 * a write sent exactly one window after another can arrive inside it (a 429). So each window is kept this much
 * longer than Teams'. It covers a spread of up to 250 ms in delivery time and costs under 1% of the sustained rate
 * (60 / 30 s is the limit that binds a busy thread).
 */
export const DELIVERY_MARGIN_MS = 250;

export class ConversationRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limits = TEAMS_CONVERSATION_LIMITS,
    private readonly marginMs = DELIVERY_MARGIN_MS,
  ) {}

  /** Milliseconds to wait before the next send to `conversationId` is within every limit (0 = now). */
  delay(conversationId: string, now: number): number {
    const longest = Math.max(...this.limits.map((l) => l.windowMs)) + this.marginMs;
    const times = (this.sent.get(conversationId) ?? []).filter((t) => t > now - longest);
    this.sent.set(conversationId, times);
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      const window = windowMs + this.marginMs;
      const inWindow = times.filter((t) => t > now - window);
      if (inWindow.length >= count) wait = Math.max(wait, inWindow[inWindow.length - count] + window - now);
    }
    return wait;
  }

  /** Records a send; call when the request is actually made. */
  record(conversationId: string, now: number): void {
    const times = this.sent.get(conversationId) ?? [];
    times.push(now);
    this.sent.set(conversationId, times);
  }
}
