/** Work that can wait until the browser has painted what a click changed. */
export interface Deferred {
  /** Runs the work once the browser is idle after the next frame; calls until then share that one run. */
  schedule(): void;
  /** Runs the work now if it is waiting (page hidden, unmount, another write that must come after it). */
  flush(): void;
  /** Forgets the waiting run (the caller has just done the work itself). */
  cancel(): void;
}

/** Longest wait for an idle moment: a busy page still writes within a fraction of a second. */
const idleTimeout = 200;

/** Waiting work in the order it was scheduled; one idle callback runs it all, so writes land together. */
const waiting = new Set<() => void>();
let batchScheduled = false;

function runWaiting() {
  batchScheduled = false;
  for (const work of [...waiting]) {
    // Flushed by work that ran before it.
    if (!waiting.delete(work)) continue;
    work();
  }
}

/**
 * Idle time comes after the frame that shows a click's result, so storage and history writes queued from the click
 * stay off its path to the screen. Safari and jsdom have no requestIdleCallback: there the next task does.
 */
function scheduleWaiting() {
  if (batchScheduled) return;
  batchScheduled = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(runWaiting, { timeout: idleTimeout });
  else setTimeout(runWaiting, 0);
}

/** Wraps work that may wait for the paint; every Deferred shares one idle callback. */
export function deferred(work: () => void): Deferred {
  // A fresh function per instance: the set tells two instances of the same work apart.
  const run = () => work();
  return {
    schedule() {
      waiting.add(run);
      scheduleWaiting();
    },
    flush() {
      if (waiting.delete(run)) run();
    },
    cancel() {
      waiting.delete(run);
    },
  };
}
