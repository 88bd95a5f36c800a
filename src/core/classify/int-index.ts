/**
 * A map from non-negative 31-bit integers to feature numbers, as an open-addressing hash
 * table in typed arrays. The character n-gram lookups are most of the work of classifying a
 * text; probing an Int32Array is several times faster than Map.get and allocates nothing.
 * Values are feature numbers, given in increasing order, so sorting by value gives the keys in
 * insertion order: a saved model lists its features the same way every time, and loading keeps
 * no separate list of keys.
 */
export class IntIndex {
  private slots: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value for `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    let at = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = slots[at] as number;
      if (k === key) return this.values[at] as number;
      if (k === -1) return -1;
      at = (at + 1) & this.mask;
    }
  }

  /** Adds a key that is not yet present, with a value above every value already added. */
  add(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(key, value);
    this.count++;
  }

  /**
   * Adds keys not yet present, with the values first, first + 1, … (loading a saved model).
   * One tight loop rather than a call per key: it runs once per command, as cold code, where
   * the calls cost more than the placing.
   */
  addAll(keys: ArrayLike<number>, first: number): void {
    this.reserve(this.count + keys.length);
    const slots = this.slots;
    const values = this.values;
    const mask = this.mask;
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j] as number;
      let at = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (slots[at] !== -1) at = (at + 1) & mask;
      slots[at] = key;
      values[at] = first + j;
    }
    this.count += keys.length;
  }

  /** Room for `count` keys without growing. */
  reserve(count: number): void {
    let size = this.slots.length;
    while (count * 2 > size) size *= 2;
    if (size > this.slots.length) this.resize(size);
  }

  /** Keys in the order they were added, with their values. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let at = 0; at < this.slots.length; at++) {
      const key = this.slots[at] as number;
      if (key !== -1) out.push([key, this.values[at] as number]);
    }
    return out.sort((a, b) => a[1] - b[1]);
  }

  private place(key: number, value: number): void {
    let at = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (this.slots[at] !== -1) at = (at + 1) & this.mask;
    this.slots[at] = key;
    this.values[at] = value;
  }

  private grow(): void {
    this.resize(this.slots.length * 2);
  }

  /**
   * Rehashes into `size` slots in one pass, and skips the walk over the old slots when there is
   * nothing in them: loading the shipped model into the empty index spent about 2 ms of a fresh
   * process walking 32,768 empty slots.
   */
  private resize(size: number): void {
    const old = this.count === 0 ? [] : this.entries();
    this.slots = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    for (const [key, value] of old) this.place(key, value);
  }
}
