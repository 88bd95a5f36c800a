import type { DeckPicture } from "../core/deck/picture.js";
import type { Status } from "../core/deck/status.js";
import { type DeckStory, mapStoryText, type Slide } from "../core/deck/story.js";
import type { DeckTheme } from "../core/deck/theme.js";
import { repairChartAxisIds } from "./chart-axis-ids.js";
import { PptxGenJS, type PptxSlide, type Pres } from "./pptxgenjs.js";
import { xmlSafeText } from "./xml-text.js";

/**
 * Draws the deck's story as a .pptx with pptxgenjs: native text, tables and charts the leader
 * edits before the meeting, and the speaker notes. Bytes out; the caller writes the file.
 * Wide 16:9 (13.33 × 7.5 in), the size PowerPoint, Keynote and Google Slides start with.
 */

const W = 13.333;
const MARGIN = 0.6;

export async function pptxOfStory(
  given: DeckStory,
  theme: DeckTheme,
  logo?: DeckPicture,
): Promise<Uint8Array> {
  const story = mapStoryText(given, xmlSafeText);
  const pres = new PptxGenJS();
  pres.layout = "LAYOUT_WIDE";
  pres.title = story.title;
  pres.subject = story.subtitle;
  // pptxgenjs's default author and company name the library; the file should name no one.
  pres.author = "ppppt";
  pres.company = "";
  pres.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };

  for (const s of story.slides) {
    const slide = pres.addSlide();
    slide.background = { color: theme.colors.background };
    if (s.kind === "title") drawTitle(slide, s, theme);
    else drawContent(pres, slide, s, theme);
    if (logo) {
      const h = 0.6;
      slide.addImage({
        data: logo.data,
        x: W - MARGIN - h * logo.aspect,
        y: 7.5 - 0.35 - h,
        h,
        w: h * logo.aspect,
      });
    }
    slide.addNotes(s.notes);
  }
  // Stored, not deflated: the axis repair reads the zip again and deflates it once, as it writes.
  const raw = (await pres.write({ outputType: "uint8array", compression: false })) as Uint8Array;
  return repairChartAxisIds(raw);
}

function drawTitle(slide: PptxSlide, s: Slide, theme: DeckTheme): void {
  slide.addShape("rect", { x: 0, y: 0, w: 0.25, h: 7.5, fill: { color: theme.colors.accent } });
  slide.addText(s.title, {
    x: MARGIN + 0.3,
    y: 2.3,
    w: W - 2 * MARGIN - 0.3,
    h: 1.4,
    fontFace: theme.fonts.heading,
    fontSize: theme.sizes.title + 8,
    bold: true,
    color: theme.colors.text,
  });
  if (s.subtitle) {
    slide.addText(s.subtitle, {
      x: MARGIN + 0.3,
      y: 3.8,
      w: W - 2 * MARGIN - 0.3,
      h: 0.8,
      fontFace: theme.fonts.body,
      fontSize: theme.sizes.body,
      color: theme.colors.muted,
    });
  }
}

function drawContent(pres: Pres, slide: PptxSlide, s: Slide, theme: DeckTheme): void {
  slide.addText(s.title, {
    x: MARGIN,
    y: 0.35,
    w: W - 2 * MARGIN,
    h: 0.9,
    fontFace: theme.fonts.heading,
    fontSize: theme.sizes.title,
    bold: true,
    color: theme.colors.text,
  });
  slide.addShape("rect", {
    x: MARGIN,
    y: 1.25,
    w: 1.2,
    h: 0.07,
    fill: { color: theme.colors.accent },
  });
  let top = 1.5;
  if (s.subtitle) {
    const big = s.kind === "bottom-line";
    slide.addText(s.subtitle, {
      x: MARGIN,
      y: top,
      w: W - 2 * MARGIN,
      h: big ? 1.6 : 0.6,
      fontFace: theme.fonts.body,
      fontSize: big ? theme.sizes.body + 6 : theme.sizes.body - 4,
      bold: big,
      color: big ? theme.colors.accent : theme.colors.muted,
      valign: "top",
    });
    top += big ? 1.8 : 0.7;
  }
  const bottom = 7.5 - 0.5;
  if (s.bullets.length > 0) {
    // Shrink with the number of lines, but never below 16 pt (the back of the room).
    const size = Math.max(
      16,
      Math.min(theme.sizes.body, Math.floor(((bottom - top) * 72) / (s.bullets.length * 1.5))),
    );
    slide.addText(
      s.bullets.map((b) => ({
        text: b.text,
        options: {
          bullet: b.level === 0 ? true : { indent: 18 },
          indentLevel: b.level,
          fontSize: b.level === 0 ? size : Math.max(16, size - 2),
          color: b.level === 0 ? theme.colors.text : theme.colors.muted,
          breakLine: true,
        },
      })),
      {
        x: MARGIN,
        y: top,
        w: W - 2 * MARGIN,
        h: bottom - top,
        fontFace: theme.fonts.body,
        valign: "top",
        paraSpaceAfter: 6,
      },
    );
  }
  if (s.chart) {
    const c = s.chart;
    slide.addChart(
      pres.ChartType.bar,
      c.series.map((x) => ({ name: x.name, labels: c.labels, values: x.values })),
      {
        x: MARGIN,
        y: top,
        w: W - 2 * MARGIN,
        h: bottom - top,
        barDir: "col",
        barGrouping: "clustered",
        chartColors:
          c.series.length > 1 ? [theme.colors.actual, theme.colors.target] : [theme.colors.actual],
        showLegend: c.series.length > 1,
        legendPos: "t",
        legendFontSize: 16,
        legendFontFace: theme.fonts.body,
        catAxisLabelFontSize: 18,
        catAxisLabelFontFace: theme.fonts.body,
        valAxisLabelFontSize: 14,
        valAxisMinVal: 0,
        valAxisLabelFormatCode: c.unit === "percent" ? '0"%"' : '0"h"',
        showValue: true,
        dataLabelFormatCode: c.unit === "percent" ? '0"%"' : '0.#"h"',
        dataLabelFontSize: 14,
        dataLabelPosition: "outEnd",
        valGridLine: { color: "DDDDDD", size: 0.5 },
      },
    );
  }
  if (s.table) {
    const t = s.table;
    const color: Record<Status, string> = {
      green: theme.colors.green,
      amber: theme.colors.amber,
      red: theme.colors.red,
    };
    const head = t.header.map((h) => ({
      text: h,
      options: { bold: true, color: "FFFFFF", fill: { color: theme.colors.accent } },
    }));
    const rows = t.rows.map((r) =>
      r.cells.map((text, i) => {
        const status = i === t.statusColumn ? r.status : undefined;
        return status
          ? { text, options: { bold: true, color: "FFFFFF", fill: { color: color[status] } } }
          : { text, options: { color: theme.colors.text } };
      }),
    );
    const wide = t.header.length > 4;
    slide.addTable([head, ...rows], {
      x: MARGIN,
      y: top,
      w: W - 2 * MARGIN,
      colW: wide ? [1.8, 1.3, 1.2, 1.2, W - 2 * MARGIN - 5.5] : undefined,
      fontFace: theme.fonts.body,
      fontSize: 16,
      border: { type: "solid", pt: 0.5, color: "BFBFBF" },
      valign: "middle",
      rowH: 0.6,
    });
  }
}
