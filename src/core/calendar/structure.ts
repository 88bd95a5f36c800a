import { PpppptError } from "../errors.js";

/**
 * The shape of an iCalendar file, checked before ical.js reads it, because ical.js says what is
 * wrong but not where: content lines (folding undone) each with a name and a colon, BEGIN and
 * END paired, only VCALENDARs at the top. A file that fails gets one message naming its line.
 * A file that passes is handed on cut in pieces: each calendar's own lines (its properties and
 * VTIMEZONEs) and each VEVENT apart with the line it starts on, so that ical.js reading one
 * event wrong (a bad RRULE, a bad date) costs that event alone, named by its line.
 */
export interface CalendarShape {
  calendars: CalendarPieces[];
  /** Every TZID a property names, with the first line naming it; and those a VTIMEZONE defines. */
  tzidsUsed: Map<string, number>;
  tzidsDefined: Set<string>;
}

export interface CalendarPieces {
  /** The VCALENDAR without its VEVENTs, unfolded, one content line per text line. */
  frame: string;
  events: { line: number; text: string }[];
}

const NAME = /^[A-Za-z0-9-]+/;
const TZID_PARAM = /;TZID=("[^"]*"|[^;:]*)/gi;

export function checkCalendarShape(source: string, file: string): CalendarShape {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const stack: { name: string; line: number }[] = [];
  const shape: CalendarShape = { calendars: [], tzidsUsed: new Map(), tzidsDefined: new Set() };
  let frame: string[] = [];
  let event: string[] | undefined;
  let eventLine = 0;
  let events: CalendarPieces["events"] = [];
  let observance: { dtstart?: string; rdate: boolean; rrule: boolean } | undefined;
  const fail = (message: string, line: number): never => {
    throw new PpppptError(message, { file, line });
  };

  const contentLine = (value: string, line: number) => {
    if (value.trim() === "") return;
    const name = NAME.exec(value)?.[0];
    if (!name) fail(`not an iCalendar content line: ${clip(value)}`, line);
    const rest = value.slice((name as string).length);
    const colon = valueColon(rest);
    if (colon < 0) fail(`a content line without a colon: ${clip(value)}`, line);
    const upper = (name as string).toUpperCase();
    let out = value;
    const inObservance = observance !== undefined && stack.length > 0;
    if (inObservance && upper === "END") {
      // ical.js (2.2) drops an RDATE observance's own DTSTART onset and all but the first of
      // its RDATE values (Europe_Berlin in khal's fixtures reads as UTC): the onsets are spelled
      // out one RDATE each, which means the same by RFC 5545 §3.6.5.
      const o = observance as { dtstart?: string; rdate: boolean; rrule: boolean };
      if (o.rdate && !o.rrule && o.dtstart) frame.push(`RDATE:${o.dtstart}`);
      observance = undefined;
    } else if (inObservance) {
      const o = observance as { dtstart?: string; rdate: boolean; rrule: boolean };
      if (upper === "DTSTART") o.dtstart = rest.slice(colon + 1).trim();
      if (upper === "RRULE") o.rrule = true;
      if (upper === "RDATE") {
        o.rdate = true;
        const values = rest.slice(colon + 1).split(",");
        for (const v of values.slice(0, -1)) frame.push(`RDATE${rest.slice(0, colon)}:${v.trim()}`);
        out = `RDATE${rest.slice(0, colon)}:${(values.at(-1) as string).trim()}`;
      }
    }
    if (upper === "BEGIN" || upper === "END") {
      const component = rest
        .slice(colon + 1)
        .trim()
        .toUpperCase();
      if (upper === "BEGIN") {
        if (stack.length === 0) {
          if (component !== "VCALENDAR") {
            fail(`the file starts with ${component}, not VCALENDAR`, line);
          }
          frame = [];
          events = [];
        }
        if (
          (component === "STANDARD" || component === "DAYLIGHT") &&
          stack.at(-1)?.name === "VTIMEZONE"
        ) {
          observance = { rdate: false, rrule: false };
        }
        if (component === "VEVENT" && stack.length === 1) {
          event = [];
          eventLine = line;
        }
        stack.push({ name: component, line });
      } else {
        const open = stack.pop();
        if (!open) fail(`END:${component} with no BEGIN`, line);
        const o = open as { name: string; line: number };
        if (o.name !== component) {
          fail(`END:${component} where END:${o.name} was expected (BEGIN on line ${o.line})`, line);
        }
      }
    } else {
      if (stack.length === 0) fail(`${clip(value)} outside any BEGIN:VCALENDAR`, line);
      const head = rest.slice(0, colon);
      for (const m of head.matchAll(TZID_PARAM)) {
        const tzid = unquote(m[1] as string);
        if (!shape.tzidsUsed.has(tzid)) shape.tzidsUsed.set(tzid, line);
      }
      if (upper === "TZID" && stack.at(-1)?.name === "VTIMEZONE") {
        shape.tzidsDefined.add(rest.slice(colon + 1).trim());
      }
      // Microsoft's CDO writes `BYDAY=MO, TU`; no rule part holds a space, so none is kept.
      if (upper === "RRULE" || upper === "EXRULE") out = value.replace(/\s+/g, "");
    }
    if (event) event.push(out);
    else frame.push(out);
    if (upper === "END") {
      const closed = stack.length;
      if (event && closed === stackDepthOfEvent(stack)) {
        events.push({ line: eventLine, text: event.join("\n") });
        event = undefined;
      }
      if (closed === 0) shape.calendars.push({ frame: frame.join("\n"), events });
    }
  };

  let physical = 0;
  let logical = "";
  let logicalLine = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let raw = text.slice(start, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    physical++;
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && logicalLine > 0) logical += raw.slice(1);
    else {
      if (logicalLine > 0) contentLine(logical, logicalLine);
      logical = raw;
      logicalLine = physical;
    }
    start = end + 1;
  }
  if (logicalLine > 0) contentLine(logical, logicalLine);
  const open = stack.pop();
  if (open) {
    fail(`END:${open.name} missing (BEGIN on line ${open.line}): the file is truncated`, physical);
  }
  if (shape.calendars.length === 0) fail("no BEGIN:VCALENDAR: not an iCalendar file", 1);
  return shape;
}

/** An event's END comes back to the depth its BEGIN was at: inside one VCALENDAR. */
function stackDepthOfEvent(stack: readonly { name: string }[]): number {
  return stack.length === 1 && stack[0]?.name === "VCALENDAR" ? 1 : -1;
}

/** Parameters may quote colons (`;ALTREP="http://…"`): the value starts at the first bare one. */
function valueColon(rest: string): number {
  let quoted = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '"') quoted = !quoted;
    else if (c === ":" && !quoted) return i;
  }
  return -1;
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

function clip(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
