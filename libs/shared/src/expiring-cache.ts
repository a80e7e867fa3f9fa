/**
 * A small in-process cache for data that changes rarely and is read on every request (the org tree's
 * territory sets, quota policies). Entries expire after `ttlMs`, so another replica's change is seen within
 * that time; this process's own changes call `clear()` and are seen at once.
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: Promise<V>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The cached value, or the loader's (shared by concurrent callers); a failed load is not kept. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    const value = load();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
