import { ConversationRateLimiter, DELIVERY_MARGIN_MS, TEAMS_CONVERSATION_LIMITS } from '../../src/teams/rate-limit';

describe('Teams per-conversation rate limiter', () => {
  it('allows 7 sends in a second, then makes the 8th wait for the 1 s window and the delivery margin', () => {
    const limiter = new ConversationRateLimiter();
    for (let i = 0; i < 7; i++) {
      expect(limiter.delay('c', 1000 + i)).toBe(0);
      limiter.record('c', 1000 + i);
    }
    expect(limiter.delay('c', 1010)).toBe(990 + DELIVERY_MARGIN_MS);
    expect(limiter.delay('other', 1010)).toBe(0);
  });

  it('never lets more than 60 through in 30 s, however they are spread', () => {
    const limiter = new ConversationRateLimiter();
    let now = 0;
    const sent: number[] = [];
    while (sent.length < 200) {
      now += limiter.delay('c', now);
      limiter.record('c', now);
      sent.push(now);
    }
    for (let i = 60; i < sent.length; i++) expect(sent[i] - sent[i - 60]).toBeGreaterThanOrEqual(30_000);
    for (let i = 8; i < sent.length; i++) expect(sent[i] - sent[i - 8]).toBeGreaterThanOrEqual(2000);
  });

  /** 300 writes as fast as the limiter allows, each reaching Teams 0–250 ms after it was sent (seeded, repeatable). */
  function arrivals(limiter: ConversationRateLimiter): number[] {
    let now = 0;
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const arrived: number[] = [];
    while (arrived.length < 300) {
      now += limiter.delay('c', now);
      limiter.record('c', now);
      arrived.push(now + random() * DELIVERY_MARGIN_MS);
    }
    return arrived.sort((a, b) => a - b);
  }

  it('stays within every limit as Teams counts them, on arrival, when delivery takes 0–250 ms', () => {
    const arrived = arrivals(new ConversationRateLimiter());
    for (const { count, windowMs } of TEAMS_CONVERSATION_LIMITS) {
      for (let i = count; i < arrived.length; i++)
        expect(arrived[i] - arrived[i - count]).toBeGreaterThanOrEqual(windowMs);
    }
  });

  it('would not without the margin: Teams would see 8 writes within a second', () => {
    const arrived = arrivals(new ConversationRateLimiter(TEAMS_CONVERSATION_LIMITS, 0));
    expect(arrived.some((t, i) => i >= 7 && t - arrived[i - 7] < 1000)).toBe(true);
  });
});
