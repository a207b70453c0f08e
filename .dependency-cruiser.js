/**
 * Dependencies point inwards: apps → libs/event-store → libs/domain. The domain is pure:
 * no framework, no store client, no Node I/O. Runs inside `npm test`.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports nothing but itself and persistent collections: no @nestjs/*, no store client, no Node I/O, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: ['\\.spec\\.ts$', '/testing/'] },
      // Persistent maps are plain data structures: they keep the fold linear and the state immutable.
      to: { pathNot: ['^libs/domain/', '^node_modules/immutable/'] },
    },
    {
      name: 'event-store-knows-no-app',
      comment: 'The store adapters never reach into the HTTP app or the Nest framework.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: ['^apps/', 'node_modules/@nestjs/'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a bug (or a missing dependency).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-dev-dependencies-at-run-time',
      comment: 'Shipped code (not tests, not test support) must not need a devDependency.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '/testing/'] },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^dist/', '^node_modules/'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], mainFields: ['main', 'types'] },
  },
};
