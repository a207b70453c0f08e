// Jest globalSetup of every run (jest.config.js and test/reliability/jest.config.js). Workers
// start after it and inherit process.env: that is how they learn the seed and the registry.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { runSeed } = require('../fast-check/run-seed');
const { REGISTRY_VARIABLE } = require('../processes/child-registry');

module.exports = async function globalSetup() {
  const seed = runSeed();
  process.env.FC_SEED = String(seed);
  console.log(`\nfast-check seed ${seed}: replay a failure with FC_SEED=${seed} npx jest <test file>; FC_SEED=random draws a new seed`);
  process.env[REGISTRY_VARIABLE] = join(mkdtempSync(join(tmpdir(), 'parley-test-run-')), 'children');
};
