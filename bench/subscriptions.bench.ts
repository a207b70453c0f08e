import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openSubscriber, Subscriber } from './support/subscriptions-clients';
import { BenchServer, rssMbOf, startBenchServer, SUBSCRIPTIONS_BENCH_KEY } from './support/subscriptions-server';

/**
 * Live subscriptions (GET /v1/subscriptions/events) with 100 and 1,000 subscribers on loopback:
 * the latency from sending a command to each subscriber receiving its event, while commands
 * are being recorded at a steady rate, and the server's resident memory. Run with
 * `npm run bench:subscriptions`; prints a table and writes JSON to bench/results/.
 */

const SUBSCRIBER_COUNTS = [100, 1000];
// Issue 11's measure: 1,000 subscribers, writes at 100/s, event-to-client p99 < 50 ms.
const COMMANDS = 500;
const COMMANDS_PER_SECOND = 100;
const GOAL_P99_MS = 50;
const DELIVERY_TIMEOUT_MS = 30_000;

type Result = Readonly<{
  subscribers: number;
  commands: number;
  commandsPerSecond: number;
  /** Commands answered per second over the sending phase: below the rate, the server could not keep up. */
  answeredPerSecond: number;
  deliveries: number;
  expectedDeliveries: number;
  latencyMs: Readonly<{ p50: number; p90: number; p99: number; max: number }>;
  commandMs: Readonly<{ p50: number; p99: number }>;
  serverRssMb: Readonly<{ before: number; subscribed: number; peak: number; after: number; afterClose: number }>;
  connectMs: number;
}>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (value: number) => Number(value.toFixed(2));

async function registerActor(url: string, id: string): Promise<void> {
  const response = await fetch(`${url}/v1/actors`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SUBSCRIPTIONS_BENCH_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id, name: `Bench actor ${id}`, kind: 'person' }),
  });
  if (response.status !== 201) throw new Error(`POST /v1/actors answered ${response.status}`);
  await response.arrayBuffer();
}

async function runOnce(server: BenchServer, subscribers: number): Promise<Result> {
  const run = `r${subscribers}-${Date.now().toString(36)}`;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const onMarker = (seq: string, at: number) => {
    const sent = sentAt.get(seq);
    if (sent !== undefined) latencies.push(at - sent);
  };
  // Warm the routes and the projections before measuring anything.
  for (let i = 0; i < 20; i++) await registerActor(server.url, `${run}-warm-${i}`);
  await sleep(500);
  const before = server.rssMb();

  const connectStart = performance.now();
  const clients: Subscriber[] = [];
  const marker = new RegExp(`"actorId":"${run}-c-(\\d+)"`);
  for (let i = 0; i < subscribers; i += 50) {
    const batch = Math.min(50, subscribers - i);
    clients.push(...(await Promise.all(Array.from({ length: batch }, () => openSubscriber(`${server.url}/v1/subscriptions/events?type=ActorRegistered`, SUBSCRIPTIONS_BENCH_KEY, marker, onMarker)))));
  }
  const connectMs = performance.now() - connectStart;
  await sleep(500);
  const subscribed = server.rssMb();

  let peak = subscribed;
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 100);
  const commandTimes: number[] = [];
  const interval = 1000 / COMMANDS_PER_SECOND;
  const start = performance.now();
  // Open loop: each command leaves at its due time whether or not the one before has been
  // answered, so a slow server meets the rate it is measured at instead of setting its own.
  const inFlight: Promise<void>[] = [];
  for (let seq = 0; seq < COMMANDS; seq++) {
    const due = start + seq * interval;
    if (due > performance.now()) await sleep(due - performance.now());
    const sent = performance.now();
    sentAt.set(String(seq), sent);
    inFlight.push(registerActor(server.url, `${run}-c-${seq}`).then(() => void commandTimes.push(performance.now() - sent)));
  }
  await Promise.all(inFlight);
  const sendingMs = performance.now() - start;
  const expected = COMMANDS * subscribers;
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  while (latencies.length < expected && Date.now() < deadline) await sleep(20);
  clearInterval(sampler);
  const after = server.rssMb();
  for (const client of clients) client.close();
  await sleep(1000);
  const afterClose = server.rssMb();

  const sorted = [...latencies].sort((a, b) => a - b);
  const commands = [...commandTimes].sort((a, b) => a - b);
  return {
    subscribers,
    commands: COMMANDS,
    commandsPerSecond: COMMANDS_PER_SECOND,
    answeredPerSecond: ms((COMMANDS * 1000) / sendingMs),
    deliveries: latencies.length,
    expectedDeliveries: expected,
    latencyMs: { p50: ms(percentile(sorted, 50)), p90: ms(percentile(sorted, 90)), p99: ms(percentile(sorted, 99)), max: ms(sorted[sorted.length - 1] ?? NaN) },
    commandMs: { p50: ms(percentile(commands, 50)), p99: ms(percentile(commands, 99)) },
    serverRssMb: { before: ms(before), subscribed: ms(subscribed), peak: ms(peak), after: ms(after), afterClose: ms(afterClose) },
    connectMs: ms(connectMs),
  };
}

function table(results: readonly Result[]): string {
  return [
    '| subscribers | commands (rate) | delivered | latency p50 ms | p90 ms | p99 ms | max ms | command p50 ms | server RSS MB: before → subscribed → peak → after → closed |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.subscribers} | ${r.commands} (${r.commandsPerSecond}/s, answered ${r.answeredPerSecond}/s) | ${r.deliveries}/${r.expectedDeliveries} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.commandMs.p50} | ` +
        `${r.serverRssMb.before.toFixed(0)} → ${r.serverRssMb.subscribed.toFixed(0)} → ${r.serverRssMb.peak.toFixed(0)} → ${r.serverRssMb.after.toFixed(0)} → ${r.serverRssMb.afterClose.toFixed(0)} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const results: Result[] = [];
  for (const subscribers of SUBSCRIBER_COUNTS) {
    // A fresh server per size, so one run's memory does not carry into the next.
    const server = await startBenchServer();
    try {
      results.push(await runOnce(server, subscribers));
    } finally {
      await server.stop();
    }
  }
  const report = {
    benchmark: 'subscriptions',
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    store: 'sqlite (embedded)',
    endpoint: 'GET /v1/subscriptions/events?type=ActorRegistered',
    latency: 'from sending POST /v1/actors to a subscriber reading the event (all in one loopback client process)',
    clientRssMb: ms(rssMbOf(process.pid)),
    results,
  };
  const directory = join(__dirname, 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `subscriptions-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(table(results));
  for (const r of results) {
    console.log(`${r.subscribers} subscribers at ${r.commandsPerSecond} writes/s: event-to-client p99 ${r.latencyMs.p99} ms (goal < ${GOAL_P99_MS} ms: ${r.latencyMs.p99 < GOAL_P99_MS ? 'met' : 'not met'})`);
  }
  console.log(`\nSaved ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
