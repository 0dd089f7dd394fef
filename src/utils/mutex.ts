/**
 * A FIFO lock. SQLite allows one writer at a time, so a transaction holds the lock and every statement
 * from outside it waits its turn instead of failing with SQLITE_BUSY.
 */
export class Mutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  get isHeld(): boolean {
    return this.held;
  }

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}
