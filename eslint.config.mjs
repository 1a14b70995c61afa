// ESLint: typescript-eslint's recommended type-checked rules, and the layers README "How it is built" describes, as
// import rules, so `npm test` fails when the layering rots: botbuilder only at the Teams edge (and the Blob state
// backend, which is botbuilder's storage), `@azure/arm-*` only at the Azure edge, and the core never importing an edge.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const EDGES = {
  botbuilder: {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
    message: 'botbuilder belongs to the Teams edge (src/teams/).',
  },
  arm: { group: ['@azure/arm-*'], message: 'ARM SDK clients belong to the Azure edge (src/azure/).' },
  azureImpl: {
    group: [
      '**/azure/sdk-port',
      '**/azure/clients',
      '**/azure/port-*',
      '**/azure/translate-*',
      '**/azure/operations',
      '**/azure/context',
    ],
    message: 'The core sees Azure only through the port (src/azure/port.ts and its types).',
  },
  teams: {
    group: ['**/teams/*', '**/teams'],
    message: 'The core posts through core/poster.ts; only app.ts wires the Teams edge.',
  },
  simulator: {
    group: ['**/simulator/*', '**/simulator'],
    message: 'The simulator is an ARM server of its own: only app.ts starts it.',
  },
};
const restrict = (...groups) => ({ 'no-restricted-imports': ['error', { patterns: groups.map((g) => EDGES[g]) }] });

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-artifacts/**',
      'data/**',
      'playground/**',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      // Implementations of async ports (the state store on synchronous SQLite, fakes in tests) are async without
      // awaiting anything: the interface is async, so they are.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: {
      // Request bodies are untrusted JSON: String() of whatever arrived is what the simulator then refuses, as ARM does.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  // Layers.
  { files: ['src/**/*.ts'], rules: restrict('botbuilder', 'arm', 'azureImpl', 'teams', 'simulator') },
  { files: ['src/teams/**/*.ts'], rules: restrict('arm', 'azureImpl', 'simulator') },
  { files: ['src/state/blob-store.ts'], rules: restrict('arm', 'azureImpl', 'teams', 'simulator') },
  { files: ['src/azure/**/*.ts'], rules: restrict('botbuilder', 'teams', 'simulator') },
  { files: ['src/simulator/**/*.ts'], rules: restrict('botbuilder', 'arm', 'teams') },
  { files: ['src/app.ts', 'src/index.ts'], rules: restrict('arm') },
  // Tests and scripts drive the bot from outside: they may reach any layer, and read untyped JSON.
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Fixtures, activities and card JSON are untyped on purpose: a test asserts on what arrived.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
