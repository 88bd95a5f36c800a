/**
 * mulberry32: a tiny, well-mixed 32-bit generator. Everything ppppt makes up (the demo docket,
 * cross-validation folds, benchmark dockets) is seeded, so the same seed gives the same result.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
