import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findItem, itemLines } from "./docket.js";
import { parseDocket } from "./parse.js";
import { printDocketText } from "./print.js";
import {
  elapsedMinutes,
  finishItem,
  readTimerStamp,
  runningTimers,
  startTimer,
  stopTimers,
  timerStamp,
} from "./timer.js";

const DOCKET = [
  "(A) 2026-11-20 1:1 with Dana cat:people id:k3f9",
  "Review the caching RFC cat:tech spent:30m id:a0b2",
  "Weekly staff meeting due:2026-11-30 rec:+1w cat:process id:m2xd",
  "x 2026-11-24 Customer call cat:product id:7ttq",
  "",
].join("\n");
const at = (time: string) => new Date(`2026-12-01T${time}Z`);

describe("the timer stamp", () => {
  it("is a UTC timestamp without spaces, read back to the second", () => {
    expect(timerStamp(at("22:10:07.123"))).toBe("2026-12-01T22:10:07Z");
    expect(readTimerStamp("2026-12-01T22:10:07Z")?.toISOString()).toBe("2026-12-01T22:10:07.000Z");
    expect(readTimerStamp("2026-12-01T22:10Z")?.toISOString()).toBe("2026-12-01T22:10:00.000Z");
  });

  it("refuses local times, offsets and impossible dates", () => {
    for (const bad of ["2026-12-01T22:10", "2026-12-01T22:10+01:00", "2026-02-30T10:00Z", "x"]) {
      expect(readTimerStamp(bad)).toBeUndefined();
    }
  });

  it("reads back every instant it writes, to the second", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        const instant = new Date(seconds * 1000);
        expect(readTimerStamp(timerStamp(instant))?.getTime()).toBe(instant.getTime());
      }),
    );
  });
});

describe("elapsed time", () => {
  it("rounds to the minute, and under a minute is nothing", () => {
    expect(elapsedMinutes(at("10:00:00"), at("10:00:59"))).toBe(0);
    expect(elapsedMinutes(at("10:00:00"), at("10:01:00"))).toBe(1);
    expect(elapsedMinutes(at("10:00:00"), at("10:25:29"))).toBe(25);
    expect(elapsedMinutes(at("10:00:00"), at("10:25:30"))).toBe(26);
    expect(elapsedMinutes(at("10:00:00"), at("09:00:00"))).toBe(0);
  });
});

describe("start and stop", () => {
  it("starts with a timer: tag, and stop adds the minutes to spent: and removes it", () => {
    const started = startTimer(parseDocket(DOCKET), "a0b2", at("22:10:00"));
    expect(started.started.text).toBe(
      "Review the caching RFC cat:tech spent:30m id:a0b2 timer:2026-12-01T22:10:00Z",
    );
    const stopped = stopTimers(started.docket, at("22:35:10"));
    expect(stopped.stopped.map((s) => s.minutes)).toEqual([25]);
    expect(findItem(stopped.docket, "a0b2").text).toBe(
      "Review the caching RFC cat:tech spent:55m id:a0b2",
    );
  });

  it("under a minute adds nothing but still stops", () => {
    const started = startTimer(parseDocket(DOCKET), "k3f9", at("22:10:00"));
    const stopped = stopTimers(started.docket, at("22:10:40"));
    expect(stopped.stopped[0]?.minutes).toBe(0);
    expect(printDocketText(stopped.docket)).toBe(DOCKET);
  });

  it("says so when no timer is running", () => {
    expect(() => stopTimers(parseDocket(DOCKET), at("22:10:00"))).toThrow(/no timer is running/);
  });

  it("runs one at a time: starting another stops the first and says what it added", () => {
    const first = startTimer(parseDocket(DOCKET), "k3f9", at("22:00:00"));
    const second = startTimer(first.docket, "a0b2", at("22:45:00"));
    expect(second.stopped.map((s) => [s.line.id, s.minutes])).toEqual([["k3f9", 45]]);
    expect(runningTimers(second.docket).map((t) => t.line.id)).toEqual(["a0b2"]);
    expect(findItem(second.docket, "k3f9").item.spent).toBe(45);
  });

  it("leaves a running timer as it is when started again", () => {
    const first = startTimer(parseDocket(DOCKET), "k3f9", at("22:00:00"));
    const again = startTimer(first.docket, "k3f9", at("22:30:00"));
    expect(again.docket).toBe(first.docket);
    expect(again.already?.since.toISOString()).toBe("2026-12-01T22:00:00.000Z");
  });

  it("stops every timer when another device left a second one running", () => {
    const two = parseDocket(
      "a timer:2026-12-01T10:00Z id:aaaa\nb timer:2026-12-01T11:00:00Z id:bbbb\n",
    );
    const r = stopTimers(two, at("12:00:00"));
    expect(r.stopped.map((s) => s.minutes)).toEqual([120, 60]);
    expect(printDocketText(r.docket)).toBe("a id:aaaa spent:2h\nb id:bbbb spent:1h\n");
  });

  it("refuses a done item, and names a timer it cannot read", () => {
    expect(() => startTimer(parseDocket(DOCKET), "7ttq", at("10:00:00"))).toThrow(/is done/);
    const bad = parseDocket("a timer:yesterday id:aaaa\n");
    expect(() => stopTimers(bad, at("10:00:00"))).toThrow(
      /line 1: timer:yesterday on aaaa is not a UTC timestamp/,
    );
  });
});

describe("done with time", () => {
  it("adds --spent and completes", () => {
    const r = finishItem(parseDocket(DOCKET), "a0b2", {
      today: "2026-12-01",
      now: at("10:00:00"),
      spent: 45,
    });
    expect(r.done.text).toBe("x 2026-12-01 Review the caching RFC cat:tech spent:1h15m id:a0b2");
    expect(r.stopped).toBeUndefined();
  });

  it("stops the item's timer first, so the next occurrence starts with none", () => {
    const started = startTimer(parseDocket(DOCKET), "m2xd", at("09:00:00"));
    const r = finishItem(started.docket, "m2xd", { today: "2026-12-01", now: at("10:00:00") });
    expect(r.stopped?.minutes).toBe(60);
    expect(r.done.text).toBe(
      "x 2026-12-01 Weekly staff meeting due:2026-11-30 rec:+1w cat:process id:m2xd spent:1h",
    );
    expect(r.next?.text).not.toMatch(/timer:|spent:/);
    expect(runningTimers(r.docket)).toEqual([]);
    expect(itemLines(r.docket)).toHaveLength(5);
  });
});
