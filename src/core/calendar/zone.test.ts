import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { offsetAt, resolveZone, vtimezoneFor, wallAt, wallToUtc } from "./zone.js";

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"];
const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2059, 0, 1) });
const minute = instant.map((ms) => Math.floor(ms / 60_000) * 60_000);

describe("zones", () => {
  it("resolves IANA, Windows and decorated names", () => {
    expect(resolveZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(resolveZone("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(resolveZone("Pacific Standard Time")).toBe("America/Los_Angeles");
    expect(resolveZone("/mozilla.org/20050126_1/America/New_York")).toBe("America/New_York");
    expect(resolveZone('"America/Chicago"')).toBe("America/Chicago");
    expect(resolveZone("Mars/Olympus")).toBeUndefined();
    expect(resolveZone("")).toBeUndefined();
  });

  it("reads a wall time back to the instant it came from (the first, in an overlap)", () => {
    fc.assert(
      fc.property(minute, fc.constantFrom(...ZONES), (ms, zone) => {
        const back = wallToUtc(wallAt(ms, zone), zone);
        expect(wallAt(back, zone)).toEqual(wallAt(ms, zone));
        expect(back).toBeLessThanOrEqual(ms);
      }),
    );
  });

  it("reads a wall time in a spring-forward gap with the offset before it", () => {
    // 29 March 2026, 02:30 does not exist in Berlin: read at +01:00, i.e. 01:30 UTC.
    const wall = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 };
    expect(wallToUtc(wall, "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it("builds a VTIMEZONE that ical.js reads to Intl's offsets", () => {
    for (const zone of ZONES) {
      const tz = new ICAL.Timezone({
        component: ICAL.Component.fromString(vtimezoneFor(zone, zone)),
        tzid: zone,
      });
      fc.assert(
        fc.property(minute, (ms) => {
          // ical.js reads a zone's offset at a local time: the wall clock at that instant.
          const wall = wallAt(ms, zone);
          // A wall time a fall-back hour shows twice is ambiguous, and ical.js picks between its
          // two instants by its own rule (the later one at the hour's first minute: Berlin,
          // 1986-09-28 02:00), so only wall times that happen once are compared.
          const twice = [1_800_000, 3_600_000].some(
            (d) => JSON.stringify(wallAt(ms + d, zone)) === JSON.stringify(wall),
          );
          fc.pre(wallToUtc(wall, zone) === ms && !twice);
          const t = new ICAL.Time({ ...wall, isDate: false }, tz);
          expect(t.toUnixTime() * 1000).toBe(ms);
          expect(tz.utcOffset(t) / 60).toBe(offsetAt(ms, zone));
        }),
        { numRuns: 200 },
      );
    }
  });
});
