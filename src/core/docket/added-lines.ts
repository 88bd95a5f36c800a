/**
 * The lines another program added to a file, given what it held before (`before`) and what it
 * holds now (`after`): every line of `after` beyond the ones `before` already had, counted as a
 * multiset so a line added twice is found twice, in `after`'s order. Lines are compared and
 * returned without their `\n` (a `\r` stays with its line). A last line with no end of line
 * counts as a line.
 *
 * The store uses it for a write that landed on the file ppppt had just replaced: appending
 * these lines to the new file keeps every line that writer added. A line it removed or changed
 * in place is not taken away from ours: a race that leaves one line twice is better than one
 * that loses a line.
 */
export function addedLines(before: Uint8Array, after: Uint8Array): Uint8Array[] {
  const counts = new Map<string, number>();
  for (const line of splitLines(before)) {
    const key = keyOf(line);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const added: Uint8Array[] = [];
  for (const line of splitLines(after)) {
    const key = keyOf(line);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else added.push(line);
  }
  return added;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

// latin1 maps each byte to one character, so a key is exact for any bytes, valid UTF-8 or not.
function keyOf(line: Uint8Array): string {
  return Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString("latin1");
}
