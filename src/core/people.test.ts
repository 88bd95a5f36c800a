import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Item } from "./docket/item.js";
import { parseItem } from "./docket/parse.js";
import {
  findPeople,
  handleOfName,
  isOneOnOne,
  knownPeople,
  namesInPeopleList,
  personReport,
  requirePerson,
  resolvePerson,
  taggedHandles,
} from "./people.js";

const people = knownPeople(
  [
    { handle: "dana.k", name: "Dana Kim" },
    { handle: "dana.m", name: "Dana Morales" },
    { handle: "Priya" },
  ],
  ["sam", "priya", "DANA.K"],
);

const line = (text: string, number = 1) => {
  const item = parseItem(text) as Item;
  return { kind: "item" as const, number, text, eol: "\n" as const, item, id: `i${number}` };
};

describe("the people ppppt knows", () => {
  it("takes the config's list, then the handles the docket uses, each once in lower case", () => {
    expect(people.map((p) => p.handle)).toEqual(["dana.k", "dana.m", "priya", "sam"]);
    expect(people[0]).toEqual({ handle: "dana.k", name: "Dana Kim", first: "dana" });
    expect(people[3]).toEqual({ handle: "sam", first: "sam" });
  });

  it("reads with: tags from raw lines, case folded", () => {
    expect([...taggedHandles(["a With:Sam b", "x with:dana.k", "nothing", "notwith:x"])]).toEqual([
      "sam",
      "dana.k",
    ]);
  });
});

describe("finding people in a text", () => {
  it("names one person by a unique first name, any case", () => {
    expect(findPeople("coffee with SAM", people)).toEqual({
      people: [{ handle: "sam", from: "SAM" }],
      ambiguous: [],
    });
    expect(findPeople("Priya's review", people).people).toEqual([
      { handle: "priya", from: "Priya" },
    ]);
  });

  it("tells two people with one first name apart by full name, initial or handle", () => {
    expect(findPeople("1:1 with Dana Kim", people).people).toEqual([
      { handle: "dana.k", from: "Dana Kim" },
    ]);
    expect(findPeople("ask dana m. about it", people).people).toEqual([
      { handle: "dana.m", from: "dana m" },
    ]);
    expect(findPeople("ping dana.m", people).people).toEqual([
      { handle: "dana.m", from: "dana.m" },
    ]);
    // The bare first name after a full one is the same person.
    expect(findPeople("Dana Morales: ask Dana", people)).toEqual({
      people: [{ handle: "dana.m", from: "Dana Morales" }],
      ambiguous: [],
    });
  });

  it("does not guess a shared first name: says it is ambiguous", () => {
    expect(findPeople("Ask Dana about the budget", people)).toEqual({
      people: [],
      ambiguous: [{ name: "Dana", candidates: ["dana.k", "dana.m"] }],
    });
  });

  it("finds nobody in +projects, @contexts and tags", () => {
    expect(findPeople("+sam @priya due:dana", people)).toEqual({ people: [], ambiguous: [] });
  });

  it("never throws and only ever names known people, whatever the text", () => {
    const handles = new Set(people.map((p) => p.handle));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom("Dana", "kim", "sam", "Priya's", "m.", "+x", "a:b"),
            fc.string(),
          ),
          {
            maxLength: 12,
          },
        ),
        (parts) => {
          const found = findPeople(parts.join(" "), people);
          for (const p of found.people) expect(handles.has(p.handle)).toBe(true);
          for (const a of found.ambiguous) expect(a.candidates.length).toBeGreaterThan(1);
        },
      ),
    );
  });
});

describe("case", () => {
  it("is ignored: a text in upper or lower case names the same people", () => {
    const word = fc.constantFrom(
      "Dana",
      "kim",
      "Morales",
      "sam",
      "Priya's",
      "m.",
      "dana.k",
      "to",
      "+x",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), (parts) => {
        const text = parts.join(" ");
        // What was typed ("DANA", "dana") differs; whom it names does not.
        const whom = (t: string) => {
          const f = findPeople(t, people);
          return [f.people.map((p) => p.handle), f.ambiguous.map((a) => a.candidates)];
        };
        expect(whom(text.toUpperCase())).toEqual(whom(text.toLowerCase()));
      }),
    );
  });
});

describe("resolving a name to one person", () => {
  it("takes a handle, a unique first name or a full name", () => {
    expect(resolvePerson("DANA.K", people).map((p) => p.handle)).toEqual(["dana.k"]);
    expect(resolvePerson("sam", people).map((p) => p.handle)).toEqual(["sam"]);
    expect(resolvePerson("Dana Morales", people).map((p) => p.handle)).toEqual(["dana.m"]);
    expect(() => requirePerson("dana", people)).toThrow(/could be dana.k or dana.m/);
    expect(() => requirePerson("zed", people)).toThrow(/nobody called "zed"/);
  });
});

describe("the person report", () => {
  it("has open items by due date, done items newest first, waiting, and the 1:1s", () => {
    const lines = [
      line("Promo packet for Dana due:2026-12-04 with:dana.k", 1),
      line("1:1 with Dana Kim due:2026-11-27 with:dana.k", 2),
      line("Her budget numbers @waiting with:Dana.K", 3),
      line("x 2026-11-20 1:1 with Dana Kim with:dana.k", 4),
      line("Someone else's thing with:sam", 5),
    ];
    const done = [line("x 2026-11-13 One-on-one with Dana with:dana.k", 1)];
    const r = personReport(people[0] as never, lines, done);
    expect(r.open.map((l) => l.number)).toEqual([2, 1, 3]);
    expect(r.done.map((l) => l.item.completed)).toEqual(["2026-11-20", "2026-11-13"]);
    expect(r.waiting.map((l) => l.number)).toEqual([3]);
    expect(r.nextOneOnOne?.number).toBe(2);
    expect(r.lastOneOnOne?.item.completed).toBe("2026-11-20");
  });

  it("knows a 1:1 by its words or the @1on1 context, not by a time", () => {
    expect(isOneOnOne(line("1:1 with Dana"))).toBe(true);
    expect(isOneOnOne(line("Dana 1-1"))).toBe(true);
    expect(isOneOnOne(line("weekly one-on-one"))).toBe(true);
    expect(isOneOnOne(line("chat @1on1"))).toBe(true);
    expect(isOneOnOne(line("call at 11:15"))).toBe(false);
    expect(isOneOnOne(line("ratio 1:10"))).toBe(false);
  });
});

describe("a people: entry that is a full name", () => {
  it("gets the first name and the last name's initial as its handle; a typo is no name", () => {
    expect(handleOfName("Rosa Lind")).toBe("rosa.l");
    expect(handleOfName("Ana María Ortega")).toBe("ana.o");
    expect(handleOfName("dana k")).toBeUndefined();
    expect(handleOfName("Priya")).toBeUndefined();
  });

  it("gives the names to hide in every form the list takes", () => {
    expect(
      namesInPeopleList(["priya", "Rosa Lind", { "dana.k": "Dana Kim" }, { handle: "sam" }]),
    ).toEqual(["priya", "Rosa Lind", "Dana Kim", "sam"]);
    expect(namesInPeopleList(undefined)).toEqual([]);
    expect(namesInPeopleList("Rosa")).toBeUndefined();
    expect(namesInPeopleList([3])).toBeUndefined();
  });
});
