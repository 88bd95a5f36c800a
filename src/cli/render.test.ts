import { describe, expect, it } from "vitest";
import type { ItemLine } from "../core/docket/item.js";
import { parseDocket } from "../core/docket/parse.js";
import { itemRenderer, renderItem } from "./render.js";
import { makeStyle } from "./style.js";
import { terminalText } from "./terminal-text.js";

const plain = makeStyle(false);

function lines(text: string): ItemLine[] {
  return parseDocket(text).lines.filter((l): l is ItemLine => l.kind === "item");
}

describe("renderItem", () => {
  it("shows id, priority, title, due with weekday, effort, recurrence and a guess", () => {
    const [line] = lines(
      "(A) Call Dana +hiring due:2026-11-27 est:1h30m spent:45m rec:+1w cat:people? id:ab12\n",
    );
    expect(renderItem(line as ItemLine, "2026-11-25", plain)).toBe(
      "ab12   (A) Call Dana +hiring due 2026-11-27 Fri est 1h30m spent 45m every 1w strict [people ?]",
    );
  });

  it("says how late an overdue item is, and marks today and tomorrow", () => {
    const render = itemRenderer("2026-11-25", plain);
    const [late, today, tomorrow] = lines(
      "a due:2026-11-20 id:aaaa\nb due:2026-11-25 id:bbbb\nc due:2026-11-26 id:cccc\n",
    );
    expect(render(late as ItemLine)).toBe("aaaa   a due 2026-11-20 Fri (5d late)");
    expect(render(today as ItemLine)).toBe("bbbb   b due 2026-11-25 Wed (today)");
    expect(render(tomorrow as ItemLine)).toBe("cccc   c due 2026-11-26 Thu (tomorrow)");
  });

  it("shows a done item with its completion date and no due date", () => {
    const [done, bare] = lines(
      "x 2026-11-24 2026-11-01 Ship it due:2026-11-20 id:dddd\nx Old id:eeee\n",
    );
    expect(renderItem(done as ItemLine, "2026-11-25", plain)).toBe("dddd   x 2026-11-24 Ship it");
    expect(renderItem(bare as ItemLine, "2026-11-25", plain)).toBe("eeee   x Old");
  });

  it("colours the same due date the same way for every item that has it", () => {
    const render = itemRenderer("2026-11-25", makeStyle(true));
    const [a, b] = lines("a due:2026-11-20 id:aaaa\nb due:2026-11-20 id:bbbb\n");
    const tail = (s: string) => s.slice(s.indexOf("due"));
    expect(tail(render(a as ItemLine))).toBe(tail(render(b as ItemLine)));
    expect(terminalText(render(a as ItemLine))).toContain(
      "\u001b[31mdue 2026-11-20 Fri (5d late)\u001b[39m",
    );
  });
});
