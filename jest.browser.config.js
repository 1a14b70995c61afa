/**
 * The browser tier, apart from `npm test`: Chromium drives the Microsoft 365 Agents Playground against the real bot
 * (test/browser, README "Tests"). `npm run test:browser`; needs Debian's Chromium at /usr/bin/chromium.
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 90000,
  maxWorkers: 1,
};
