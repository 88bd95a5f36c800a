import { roundHalfAway } from "../lens/rounding.js";
import type { DeckStory, Slide } from "./story.js";

/**
 * The story as Markdown, for when the meeting could have been an email: each slide a section,
 * its chart as a table of the same numbers, and its speaker notes as the paragraph that says
 * what the slide means.
 */
export function deckMarkdown(story: DeckStory): string {
  const out: string[] = [`# ${story.title}`, "", story.subtitle];
  for (const slide of story.slides) {
    if (slide.kind === "title") {
      out.push("", slide.notes);
      continue;
    }
    out.push("", `## ${slide.title}`);
    if (slide.subtitle) out.push("", `**${slide.subtitle}**`);
    if (slide.bullets.length > 0) {
      out.push("", ...slide.bullets.map((b) => `${b.level === 1 ? "  " : ""}- ${b.text}`));
    }
    const table = tableOf(slide);
    if (table.length > 0) out.push("", ...table);
    out.push("", slide.notes);
  }
  return `${out.join("\n")}\n`;
}

function tableOf(slide: Slide): string[] {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  if (slide.table) {
    const t = slide.table;
    return [
      `| ${t.header.map(cell).join(" | ")} |`,
      `|${" --- |".repeat(t.header.length)}`,
      ...t.rows.map((r) => `| ${r.cells.map(cell).join(" | ")} |`),
    ];
  }
  if (slide.chart) {
    const c = slide.chart;
    const fmt = (v: number) =>
      c.unit === "percent" ? `${roundHalfAway(v)}%` : `${roundHalfAway(v, 1)}h`;
    return [
      `| category | ${c.series.map((s) => cell(s.name)).join(" | ")} |`,
      `| --- |${" ---: |".repeat(c.series.length)}`,
      ...c.labels.map(
        (l, i) => `| ${cell(l)} | ${c.series.map((s) => fmt(s.values[i] ?? 0)).join(" | ")} |`,
      ),
    ];
  }
  return [];
}
