// The reliability suite: each scenario drives the real server as a child process over
// loopback HTTP and hurts it (kill -9, SIGTERM, a full disk, hostile input). The last part of
// `npm test`; alone: `npm run test:reliability`.
const root = require('../../jest.config.js');

const { moduleNameMapper, transform, setupFiles } = root.projects[0];

module.exports = {
  rootDir: '../..',
  displayName: 'reliability',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  setupFiles,
  globalSetup: root.globalSetup,
  globalTeardown: root.globalTeardown,
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  // Two scenarios at a time on a 2-core machine: each one spends most of its time waiting on
  // its own server child, and running them side by side roughly halves the wall time.
  maxWorkers: 2,
  testTimeout: root.testTimeout,
};
