/**
 * Math.imul as a module constant: the hash loops run mostly in the interpreter (every command
 * parses once, cold), where looking up the global Math and its imul each time is a third of the
 * loop's cost. Optimised code is the same either way.
 */
const imul = Math.imul;

/**
 * 32-bit FNV-1a over the string's UTF-16 code units, as a signed 32-bit integer (`>>> 0` for
 * the unsigned value). Stable across runs and machines, so what is derived from it (derived
 * ids, cache file names) can be written down.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  const length = text.length;
  for (let i = 0; i < length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** fnv1a over bytes a..z: the same hash as fnv1a of the ASCII string those bytes spell. */
export function fnv1aBytes(bytes: Uint8Array, a: number, z: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < z; i++) h = imul(h ^ (bytes[i] as number), 0x01000193);
  return h;
}
