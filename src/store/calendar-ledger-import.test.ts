import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyImport,
  emptyLedger,
  type Ledger,
  type LedgerEvent,
  parseLedger,
  printLedger,
} from "../core/calendar/ledger.js";
import { BUCKETS } from "../core/calendar/occurrence.js";
import { CATEGORIES } from "../core/category.js";
import { LedgerImport } from "./calendar-ledger-import.js";

const arbitraryEvent = (sources: string[]) =>
  fc.record({
    source: fc.constantFrom(...sources),
    uid: fc.constantFrom("standup", "staff", "1:1\tdana", "x"),
    instance: fc.constantFrom("", "2026-03-02T09:00:00Z"),
    start: fc.constantFrom(
      "2026-03-01T23:30+01:00",
      "2026-03-02T09:00+01:00",
      "2026-03-02",
      "2026-03-03T10:30Z",
      "2026-03-04T08:00-05:00",
    ),
    end: fc.constantFrom("2026-03-02T10:00+01:00", "2026-03-03", "2026-03-05T00:00Z"),
    zone: fc.constantFrom("", "UTC", "Europe/Berlin"),
    minutes: fc.integer({ min: 0, max: 3000 }),
    bucket: fc.constantFrom(...BUCKETS),
    title: fc.string({ unit: fc.constantFrom("a", "\t", "\\", "é", " ") }),
    attendees: fc.nat(9),
    category: fc.constantFrom(...CATEGORIES),
    guessed: fc.boolean(),
  }) as fc.Arbitrary<LedgerEvent>;

const arbitraryLedger: fc.Arbitrary<Ledger> = fc.record({
  sources: fc.constant([
    { name: "a", from: "2026-01-01", to: "2026-03-03" },
    { name: "b", from: "2026-02-01", to: "2026-04-01" },
  ]),
  series: fc
    .array(fc.tuple(fc.constantFrom("standup", "staff"), fc.constantFrom(...CATEGORIES)))
    .map((pairs) => new Map(pairs)),
  events: fc.array(arbitraryEvent(["a", "b"]), { maxLength: 12 }),
  other: fc.array(fc.constantFrom("# a note", "note\tby hand"), { maxLength: 2 }),
});

function folder(): { docket: string; ledger: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-ledger-import-"));
  const docket = join(dir, "todo.txt");
  writeFileSync(docket, "");
  return { docket, ledger: join(dir, "todo.calendar.tsv"), dir };
}

async function streamedImport(
  docket: string,
  imports: { name: string; from: string; to: string; events: LedgerEvent[] }[],
  runSize: number,
): Promise<boolean> {
  const run = new LedgerImport(runSize);
  try {
    for (const i of imports) {
      const handle = run.source({ name: i.name, from: i.from, to: i.to });
      // Handed over a few at a time, as an expansion hands over series.
      for (let k = 0; k < i.events.length; k += 3) await run.add(handle, i.events.slice(k, k + 3));
    }
    return (await run.commit(docket)).written;
  } finally {
    await run.close();
  }
}

describe("a calendar import into the ledger, spilled and merged", () => {
  it("writes the bytes the in-memory import writes, however the runs are cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(arbitraryLedger, { nil: undefined }),
        fc.array(arbitraryEvent(["a"]), { maxLength: 15 }),
        fc.array(arbitraryEvent(["c"]), { maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        async (before, forA, forC, runSize) => {
          const { docket, ledger } = folder();
          if (before) writeFileSync(ledger, printLedger(before));
          const imports = [
            { name: "a", from: "2026-03-02", to: "2026-03-04", events: forA },
            { name: "c", from: "2026-03-01", to: "2026-03-05", events: forC },
          ];
          const text = before ? readFileSync(ledger, "utf8") : undefined;
          const start = text ? parseLedger(text, ledger) : emptyLedger();
          const expected = printLedger(imports.reduce(applyImport, start));
          const written = await streamedImport(docket, imports, runSize);
          expect(readFileSync(ledger, "utf8")).toBe(expected);
          expect(written).toBe(expected !== text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("writes nothing when the same import is made again, and leaves no temp file", async () => {
    const { docket, ledger, dir } = folder();
    const events = fc.sample(arbitraryEvent(["a"]), { numRuns: 30, seed: 7 });
    const imports = [{ name: "a", from: "2026-03-01", to: "2026-03-05", events }];
    expect(await streamedImport(docket, imports, 4)).toBe(true);
    const first = readFileSync(ledger, "utf8");
    expect(await streamedImport(docket, imports, 5)).toBe(false);
    expect(readFileSync(ledger, "utf8")).toBe(first);
    expect(readdirSync(dir).sort()).toEqual(["todo.calendar.tsv", "todo.txt"]);
  });

  it("imports nothing of a source dropped halfway, and keeps the last of a source given twice", async () => {
    const { docket, ledger } = folder();
    const [one, two, three] = fc
      .sample(arbitraryEvent(["a"]), { numRuns: 3, seed: 3 })
      .map((e, i) => ({ ...e, uid: `u${i}`, start: "2026-03-02T09:00Z" })) as [
      LedgerEvent,
      LedgerEvent,
      LedgerEvent,
    ];
    const run = new LedgerImport(1);
    const range = { from: "2026-03-01", to: "2026-03-05" };
    const a = run.source({ name: "a", ...range });
    await run.add(a, [one]);
    const b = run.source({ name: "b", ...range });
    await run.add(b, [{ ...two, source: "b" }]);
    await run.drop(b);
    const again = run.source({ name: "a", ...range });
    await run.add(again, [three]);
    await run.commit(docket);
    await run.close();
    const text = readFileSync(ledger, "utf8");
    expect(text).not.toMatch(/\tu0\t|\tu1\t/);
    expect(text).toMatch(/\tu2\t/);
    expect(text).not.toMatch(/^source\tb/m);
    expect(existsSync(ledger)).toBe(true);
  });
});
