/** Least work per frame before the loop lets the browser render. */
const FRAME_BUDGET_MS = 12;

/**
 * Paces a loop of training steps so the page never freezes. After each step it yields a task
 * (input is handled); once a frame's budget of work is spent it waits for the next animation
 * frame, so the page paints. A chain of tasks alone is not enough: Chrome runs rendering only
 * between tasks when it chooses to, and a busy loop of short tasks can starve it for seconds.
 * Where painting is slow (a software-rendered GPU), the budget grows to the time the last frame
 * took, so training keeps at least half of the time.
 */
export class Pacer {
  private since = performance.now();
  private budget = FRAME_BUDGET_MS;

  async pause(): Promise<void> {
    if (performance.now() - this.since >= this.budget) {
      const before = performance.now();
      await nextFrame();
      this.since = performance.now();
      this.budget = Math.min(250, Math.max(FRAME_BUDGET_MS, this.since - before));
    } else {
      await yieldTask();
    }
  }
}

/**
 * A macrotask through a MessageChannel: no 4 ms clamp as with setTimeout. Not
 * `scheduler.yield()`: its continuations outrank other tasks, and a loop of them starves what the
 * page is asked from outside (DevTools, Playwright).
 */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The next animation frame, or 100 ms where frames do not come (a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
