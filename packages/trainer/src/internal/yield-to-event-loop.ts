let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * Lets the event loop run (timers, I/O, a browser's input and painting) before continuing:
 * `setImmediate` in Node; in browsers a MessageChannel message, which unlike `setTimeout(0)`
 * is not clamped to 4 ms when repeated.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel!.port2.postMessage(0);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
