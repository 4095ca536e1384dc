/**
 * A binary min-heap ordered by `at` (ties by insertion order). The queue keeps every delayed
 * key in one heap and arms a single timer for its head, so thousands of delayed keys cost one
 * timer rather than one each.
 */
export interface HeapEntry<T> {
  at: number;
  seq: number;
  value: T;
}

export class MinHeap<T> {
  private items: HeapEntry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  peek(): HeapEntry<T> | undefined {
    return this.items[0];
  }

  push(at: number, value: T): void {
    this.items.push({ at, seq: this.seq++, value });
    this.up(this.items.length - 1);
  }

  pop(): HeapEntry<T> | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top && last && this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    this.items = [];
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
