// Three levels, named by suffix: *.spec.ts (pure units), *.int-spec.ts (a real store),
// *.e2e-spec.ts (the real HTTP server through supertest), and *.browser-spec.ts (the board in Chromium).
const moduleNameMapper = {
  '^@parley/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
  '^@parley/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
  '^@parley/projections(|/.*)$': '<rootDir>/libs/projections/src$1',
};
// Type checking runs once in `npm run typecheck`; tests are only transpiled, file by file
// (`isolatedModules` in tsconfig.json), by SWC: several times faster than TypeScript's own
// transpiler on a cold cache, as CI always is. Nest needs the legacy decorators with their metadata.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };
// Every property test takes the run's seed (FC_SEED, see test/support/fast-check/run-seed.js).
const setupFiles = ['<rootDir>/test/support/fast-check/seed.setup.js'];
// A safety net only: no test's verdict may hang on wall-clock time, which a busy machine stretches.
// Waits are bound by progress instead (test/support/progress).
const testTimeout = 600_000;
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], testEnvironment: 'node', transform, moduleNameMapper, setupFiles };

module.exports = {
  testTimeout,
  // Once per run: the seed chosen and printed, and a check that no child process outlived the tests.
  globalSetup: '<rootDir>/test/support/suite-run/global-setup.js',
  globalTeardown: '<rootDir>/test/support/suite-run/global-teardown.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // The same end-to-end tests once more, with the API on the EventStoreDB adapter over the
    // real client, against the wire-compatible test server (test/support/esdb).
    {
      ...common,
      displayName: 'e2e-esdb',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: [...setupFiles, '<rootDir>/test/support/esdb/use-esdb.setup.js'],
    },
    // The board (/board) in headless Chromium, against the real server as a child process.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/board/**/*.browser-spec.ts'] },
    // On `esdb+discover://` against the three-node test double (test/support/esdb/esdb-test-cluster.ts): the specs
    // that write, race and follow live, not the whole suite a third time.
    {
      ...common,
      displayName: 'e2e-esdb-cluster',
      testMatch: ['<rootDir>/test/{talks,two-writers,subscriptions}.e2e-spec.ts'],
      setupFiles: [...setupFiles, '<rootDir>/test/support/esdb/use-esdb-cluster.setup.js'],
    },
  ],
};
