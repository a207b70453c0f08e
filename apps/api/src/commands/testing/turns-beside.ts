/** How many other turns of the event loop ran while `work` did: none when it held the loop throughout. */
export async function turnsBeside(work: () => Promise<unknown>): Promise<number> {
  let otherTurns = 0;
  let done = false;
  const other = (): void => {
    if (done) return;
    otherTurns += 1;
    setImmediate(other);
  };
  setImmediate(other);
  try {
    await work();
  } finally {
    done = true;
  }
  return otherTurns;
}
