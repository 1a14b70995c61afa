import { createLogger } from '../../src/log';

describe('structured logs', () => {
  it('masks secrets by key and by shape, keeps the rest', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), { conversationId: 'c1' });
    log.error('boom', {
      MicrosoftAppPassword: 'p@ss-w0rd',
      headers: { authorization: 'Bearer abc.def' },
      message:
        'failed with token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl and DefaultEndpointsProtocol=https;AccountKey=c2VjcmV0==;',
      vm: 'vm001',
    });
    const out = lines.join('\n');
    expect(out).not.toMatch(/p@ss-w0rd|abc\.def|eyJhbGci|c2VjcmV0/);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'boom', conversationId: 'c1', vm: 'vm001' });
  });
});
