// The one place every property test takes its seed from: FC_SEED. Plain CommonJS because
// jest's global setup loads it too, outside any transform.

/** Used when FC_SEED is not set: a run is the same run everywhere unless asked otherwise. */
const DEFAULT_SEED = 20_250_516;

/** FC_SEED=<integer> replays that seed; FC_SEED=random draws a new one; unset: the default. */
function runSeed(value = process.env.FC_SEED) {
  if (value === undefined || value === '') return DEFAULT_SEED;
  // fast-check seeds are 32-bit integers, negative ones included (as its failure reports print them).
  if (value === 'random') return (Math.random() * 2 ** 32) | 0;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(value)}`);
  return seed;
}

module.exports = { runSeed };
