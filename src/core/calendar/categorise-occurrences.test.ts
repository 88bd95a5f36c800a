import { describe, expect, it } from "vitest";
import type { Categoriser } from "../capture.js";
import { categoriseOccurrences } from "./categorise-occurrences.js";
import type { Occurrence } from "./occurrence.js";

const occurrence = (uid: string, title: string): Occurrence => ({
  uid,
  instance: "",
  start: "2026-03-02T09:00Z",
  end: "2026-03-02T10:00Z",
  zone: "UTC",
  minutes: 60,
  bucket: "timed",
  title,
  attendees: 2,
});

describe("categoriseOccurrences", () => {
  it("decides by the title, and by names and description only when unsure of it", () => {
    const asked: string[] = [];
    const categorise: Categoriser = (text) => {
      asked.push(text);
      if (text === "1:1 Dana")
        return { category: "people", probability: 0.9, unsure: false, reason: "" };
      if (text.includes("incident"))
        return { category: "tech", probability: 0.8, unsure: false, reason: "" };
      return { category: "process", probability: 0.3, unsure: true, reason: "" };
    };
    const events = categoriseOccurrences(
      "work.ics",
      [occurrence("a", "1:1 Dana"), occurrence("a", "1:1 Dana"), occurrence("b", "Sync")],
      [
        { description: "", attendeeNames: [] },
        { description: "", attendeeNames: [] },
        { description: "<p>Review the incident</p>", attendeeNames: ["Ops"] },
      ],
      categorise,
    );
    expect(events.map((e) => [e.source, e.category, e.guessed])).toEqual([
      ["work.ics", "people", false],
      ["work.ics", "people", false],
      ["work.ics", "tech", false],
    ]);
    // One guess per series and title; the wider text without tags.
    expect(asked).toEqual(["1:1 Dana", "Sync", "Sync Ops Review the incident"]);
  });
});
