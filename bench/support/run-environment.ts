import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@parley/event-store';
import { ROOT } from './child-process';

const versionOf = (packageDir: string): string | undefined => {
  const file = join(packageDir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
};

/** Versions, machine and pragmas: what a figure needs beside it to mean anything later. */
export async function runEnvironment(scratchDatabase: string) {
  const store = await SqliteEventStore.open({ filename: scratchDatabase });
  const pragmas = store.pragmas();
  await store.close();
  const memory = new Database(':memory:');
  const sqlite = memory.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()!.version;
  memory.close();
  const modules = join(ROOT, 'node_modules');
  const peerModules = join(ROOT, 'bench', 'peer', 'node_modules');
  return {
    node: process.version,
    sqlite,
    packages: Object.fromEntries(
      ['better-sqlite3', 'fastify', '@nestjs/core', '@nestjs/platform-fastify', 'class-validator', 'autocannon'].map((name) => [name, versionOf(join(modules, name))]),
    ),
    peerPackages: Object.fromEntries(
      ['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', 'sqlite3'].map((name) => [name, versionOf(join(peerModules, name))]),
    ),
    pragmas,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release() },
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    dirty: spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim().length > 0,
  };
}
