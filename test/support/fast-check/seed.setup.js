// Jest setupFiles entry of every project: every fc.assert of the run uses the run's seed
// (chosen once in the global setup and handed to the workers as FC_SEED).
const fc = require('fast-check');
const { runSeed } = require('./run-seed');

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: runSeed() });
