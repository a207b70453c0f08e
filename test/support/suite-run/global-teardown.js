// Jest globalTeardown of every run: the run fails if a child process a test started is still
// alive. Those are killed (their whole process group) before failing, so nothing lingers.
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');
const { REGISTRY_VARIABLE, childrenStillAlive } = require('../processes/child-registry');

function killGroupOrProcess(pid) {
  for (const target of [-pid, pid]) {
    try {
      return process.kill(target, 'SIGKILL');
    } catch {
      // Not a group leader, or gone in the meantime: try the process itself, then give up.
    }
  }
}

module.exports = async function globalTeardown() {
  const file = process.env[REGISTRY_VARIABLE];
  if (!file) return;
  const alive = childrenStillAlive(file);
  for (const pid of alive) killGroupOrProcess(pid);
  rmSync(dirname(file), { recursive: true, force: true });
  if (alive.length > 0) {
    throw new Error(`${alive.length} child process(es) started by the tests outlived them (pids ${alive.join(', ')}; now killed): a test does not stop what it starts`);
  }
};
