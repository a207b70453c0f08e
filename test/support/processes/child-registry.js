// Every child process a test starts is written down here (one line: pid and its start time),
// so that the end of the run can tell whether any outlived the suite. Plain CommonJS: the
// global teardown reads it outside any transform.
const { appendFileSync, existsSync, readFileSync } = require('node:fs');

const REGISTRY_VARIABLE = 'PARLEY_TEST_CHILDREN_FILE';

/** The kernel's start time of a process (clock ticks since boot): a pid reused later has another. */
function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), which ends at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return undefined;
  }
}

function recordChild(pid) {
  const file = process.env[REGISTRY_VARIABLE];
  if (!file) throw new Error(`${REGISTRY_VARIABLE} is not set: run the tests through jest (its global setup sets it)`);
  appendFileSync(file, `${pid} ${startTimeOf(pid)?.startTime ?? '-'}\n`);
}

/** Recorded children still running (a zombie has ended; a pid with another start time is someone else). */
function childrenStillAlive(file) {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines
    .map((line) => line.split(' '))
    .filter(([pid, startTime]) => {
      try {
        process.kill(Number(pid), 0);
      } catch {
        return false;
      }
      const now = startTimeOf(pid);
      if (now === undefined) return startTime === '-';
      return now.state !== 'Z' && (startTime === '-' || now.startTime === startTime);
    })
    .map(([pid]) => Number(pid));
}

module.exports = { REGISTRY_VARIABLE, recordChild, childrenStillAlive };
