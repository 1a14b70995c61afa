import { ConversationRateLimiter } from '../../src/teams/rate-limit';

describe('Teams per-conversation rate limiter', () => {
  it('allows 7 sends in a second, then makes the 8th wait for the 1 s window', () => {
    const limiter = new ConversationRateLimiter();
    for (let i = 0; i < 7; i++) {
      expect(limiter.delay('c', 1000 + i)).toBe(0);
      limiter.record('c', 1000 + i);
    }
    expect(limiter.delay('c', 1010)).toBe(990);
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
});
