/**
 * A bound on how many of something run at once in this process (a semaphore with a short queue): parsing uploaded
 * files, receiving uploads. When every slot is taken a caller waits its turn; when the queue is full, or the wait is
 * longer than `maxWaitMs`, it is refused with `busy()` at once (a 429 with a Norwegian message), so a crowd costs
 * the server a queue entry each and never memory.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly size: number,
    readonly queue: number,
    readonly maxWaitMs: number,
  ) {}

  /** How many run and how many wait now (for tests and logs). */
  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `fn` in a slot, or throws `busy()` without running it. */
  async run<T>(fn: () => Promise<T>, busy: () => Error): Promise<T> {
    await this.acquire(busy);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(busy: () => Error): Promise<void> {
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queue) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(turn);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(busy());
      }, this.maxWaitMs);
      this.waiting.push(turn);
    });
  }

  /** Hands the slot to the next in line, or frees it. */
  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
