import ICAL from "ical.js";
import type { IsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { fnv1a } from "../fnv1a.js";
import { type Bucket, type Occurrence, overlapsRange, startMs } from "./occurrence.js";
import { type CalendarOutline, CalendarShapeReader, type EventPiece, own } from "./structure.js";
import { offsetAt, resolveZone, vtimezoneFor, type WallTime, wallToUtc } from "./zone.js";

/**
 * A calendar's events expanded into occurrences over a range, by ical.js (RRULE, RDATE, EXDATE,
 * RECURRENCE-ID overrides, embedded VTIMEZONEs). What is ours: zones the file names but does
 * not define (zone.ts), the range, the buckets, and where each problem is in the file.
 */

export interface ExpandOptions {
  /** The file's name, for messages. */
  file: string;
  /** First day of the range; an occurrence counts when it overlaps [from 00:00, to 00:00). */
  from: IsoDate;
  to: IsoDate;
  /** Where floating times are (the config's zone, else the system's). */
  userZone: string;
  /** The user's addresses, for "declined by me"; compared without case and without `mailto:`. */
  me: readonly string[];
}

export interface CalendarWarning {
  file: string;
  line: number;
  message: string;
}

export interface CalendarDetails {
  /** For the classifier: the description and the attendees' names, weaker than the title. */
  description: string;
  attendeeNames: string[];
}

export interface ExpandResult {
  occurrences: Occurrence[];
  /** Per occurrence, in the same order. */
  details: CalendarDetails[];
  warnings: CalendarWarning[];
  calendars: number;
}

/** A series that runs past this many occurrences before the range ends is cut off, with a warning. */
const MAX_STEPS = 500_000;

/** One series' occurrences (a recurring event with its overrides, or a single event), in step. */
export type SeriesSink = (occurrences: Occurrence[], details: CalendarDetails[]) => void;

/**
 * What the first reading of a file found that the second needs: the structure (checked whole,
 * so a broken file is rejected before anything of it is imported), each calendar's frame with
 * its VTIMEZONEs (which may come after the events), and per calendar the UIDs that have
 * RECURRENCE-ID overrides, with how many, so the second reading knows when a series is whole.
 */
export interface CalendarPlan {
  outline: CalendarOutline;
  overrides: Map<string, number>[];
  /**
   * Hashes (masterHash) of the events whose UID may be another event's too: the second
   * reading remembers UIDs only for these, not one per event of the file.
   */
  sharedUids: Set<number>;
}

/** A 30-bit hash of an event's calendar and UID (its text when it has none): a small integer. */
function masterHash(piece: EventPiece): number {
  return fnv1a(`${piece.calendar}\u0000${piece.uid === "" ? piece.text : piece.uid}`) & 0x3fffffff;
}

/** The first reading: `push` the text a chunk at a time, then `end`. Throws on broken structure. */
export class CalendarPlanner {
  private readonly overrides: Map<string, number>[] = [];
  private readonly reader: CalendarShapeReader;
  private readonly seen = new Set<number>();
  private readonly shared = new Set<number>();
  constructor(file: string) {
    this.reader = new CalendarShapeReader(file, (e) => {
      if (!e.recurrenceId) {
        const h = masterHash(e);
        if (this.seen.has(h)) this.shared.add(h);
        else this.seen.add(h);
        return;
      }
      if (e.uid === "") return;
      const counts = this.overrides[e.calendar] ?? new Map<string, number>();
      this.overrides[e.calendar] = counts;
      const n = counts.get(e.uid);
      counts.set(n === undefined ? own(e.uid) : e.uid, (n ?? 0) + 1);
    });
  }
  push(chunk: string): void {
    this.reader.push(chunk);
  }
  end(): CalendarPlan {
    const outline = this.reader.end();
    const overrides = outline.frames.map((_, i) => this.overrides[i] ?? new Map());
    this.seen.clear();
    return { outline, overrides, sharedUids: this.shared };
  }
}

interface PendingSeries {
  master?: Located;
  /** Its UID may be another event's (CalendarPlan.sharedUids): remember it once expanded. */
  shared?: boolean;
  exceptions: Located[];
  /** Pieces of this UID read so far (those ical.js could not parse included). */
  overridesRead: number;
}

/**
 * The second reading: each event is expanded as soon as its series is whole and handed to
 * `emit`, then let go, so memory holds one series (and the overrides still waiting for their
 * event), not the file. A series whose overrides come before its event, or far after it, waits
 * in memory until its last piece is read.
 */
export class CalendarExpander {
  private readonly reader: CalendarShapeReader;
  private readonly calendars: { component: Component; context: Context }[] = [];
  private readonly warnings: CalendarWarning[] = [];
  private readonly pending = new Map<string, PendingSeries>();
  /**
   * Per calendar and UID, the line of the event already expanded (a second one is skipped):
   * only for UIDs the plan saw more than once.
   */
  private readonly masters = new Map<string, number>();

  constructor(
    private readonly plan: CalendarPlan,
    options: ExpandOptions,
    private readonly emit: SeriesSink,
  ) {
    const warn = (line: number, message: string) =>
      this.warnings.push({ file: options.file, line, message });
    registerMissingZones(plan.outline, warn);
    const me = new Set(options.me.map(address));
    // Every frame is read before any event, so a calendar ical.js cannot read fails the file
    // before anything of it is handed on.
    for (const frame of plan.outline.frames) {
      let component: Component;
      try {
        component = new ICAL.Component(ICAL.parse(frame) as JCal);
      } catch (error) {
        throw new PpppptError(`not a readable iCalendar file: ${(error as Error).message}`, {
          file: options.file,
        });
      }
      const calendarZone = resolveZone(
        String(component.getFirstPropertyValue("x-wr-timezone") ?? ""),
      );
      this.calendars.push({
        component,
        context: { options, me, floatingZone: calendarZone ?? options.userZone, warn },
      });
    }
    this.reader = new CalendarShapeReader(options.file, (e) => this.event(e));
  }

  push(chunk: string): void {
    this.reader.push(chunk);
  }

  end(): { warnings: CalendarWarning[]; calendars: number } {
    this.reader.end();
    // What is left waits for an event that never came: overrides standing alone.
    for (const [key, entry] of this.pending) {
      if (!entry.master && entry.exceptions.length === 0) continue;
      this.expand(Number(key.slice(0, key.indexOf("\u0000"))), seriesUid(entry), entry);
    }
    this.pending.clear();
    const warnings = this.warnings.map((w, i) => ({ w, i }));
    warnings.sort((a, b) => a.w.line - b.w.line || a.i - b.i);
    return { warnings: warnings.map((x) => x.w), calendars: this.calendars.length };
  }

  private event(piece: EventPiece): void {
    const calendar = this.calendars[piece.calendar];
    if (!calendar) return;
    const { line, text } = piece;
    const warn = calendar.context.warn;
    let component: Component;
    let uid: string;
    let isException: boolean;
    try {
      component = new ICAL.Component(ICAL.parse(text) as JCal);
      calendar.component.addSubcomponent(component);
      uid = String(component.getFirstPropertyValue("uid") ?? "").trim();
      isException = component.hasProperty("recurrence-id");
      if (isException) component.getFirstPropertyValue("recurrence-id");
    } catch (error) {
      warn(line, `event skipped: ${(error as Error).message}`);
      this.piecesRead(piece);
      return;
    }
    // No UID breaks RFC 5545, but such events still happened: give each a stable id of its own.
    if (uid === "") uid = `no-uid-${(fnv1a(text) >>> 0).toString(16)}`;
    const key = `${piece.calendar}\u0000${piece.uid}`;
    const located = { component, line };
    const expected =
      piece.uid === "" ? undefined : this.plan.overrides[piece.calendar]?.get(piece.uid);
    const entry: PendingSeries = (expected !== undefined && this.pending.get(key)) || {
      exceptions: [],
      overridesRead: 0,
    };
    if (isException) entry.exceptions.push(located);
    else {
      const shared = this.plan.sharedUids.has(masterHash(piece));
      const first =
        entry.master?.line ??
        (shared ? this.masters.get(`${piece.calendar}\u0000${uid}`) : undefined);
      if (first !== undefined) {
        warn(line, `a second event with UID ${uid} (first on line ${first}): skipped`);
        calendar.component.removeSubcomponent(component);
      } else {
        entry.master = located;
        entry.shared = shared;
      }
    }
    if (expected === undefined) {
      if (entry.master || entry.exceptions.length > 0) this.finish(piece.calendar, uid, entry);
      return;
    }
    this.pending.set(key, entry);
    if (piece.recurrenceId) entry.overridesRead++;
    this.tryFinish(piece.calendar, key, uid, entry, expected);
  }

  /** An event ical.js could not read still counts towards its series being whole. */
  private piecesRead(piece: EventPiece): void {
    if (!piece.recurrenceId || piece.uid === "") return;
    const expected = this.plan.overrides[piece.calendar]?.get(piece.uid);
    if (expected === undefined) return;
    const key = `${piece.calendar}\u0000${piece.uid}`;
    const entry = this.pending.get(key) ?? { exceptions: [], overridesRead: 0 };
    this.pending.set(key, entry);
    entry.overridesRead++;
    this.tryFinish(piece.calendar, key, undefined, entry, expected);
  }

  private tryFinish(
    calendar: number,
    key: string,
    uid: string | undefined,
    entry: PendingSeries,
    expected: number,
  ): void {
    if (!entry.master || entry.overridesRead < expected) return;
    this.pending.delete(key);
    this.finish(calendar, uid ?? seriesUid(entry), entry);
  }

  private finish(calendar: number, uid: string, entry: PendingSeries): void {
    if (entry.master && entry.shared) {
      this.masters.set(own(`${calendar}\u0000${uid}`), entry.master.line);
    }
    this.expand(calendar, uid, entry);
  }

  private expand(calendar: number, uid: string, entry: PendingSeries): void {
    const c = this.calendars[calendar] as { component: Component; context: Context };
    const occurrences: Occurrence[] = [];
    const details: CalendarDetails[] = [];
    const out = { occurrences, details };
    if (entry.master) expandSeries(uid, entry.master, entry.exceptions, c.context, out);
    else for (const e of entry.exceptions) expandSeries(uid, e, [], c.context, out, true);
    for (const e of [entry.master, ...entry.exceptions]) {
      if (e) c.component.removeSubcomponent(e.component);
    }
    if (occurrences.length > 0) this.emit(occurrences, details);
  }
}

/** The series id ical.js reads (its UID unescaped) of a series whose UID is not empty. */
function seriesUid(entry: PendingSeries): string {
  const c = (entry.master ?? entry.exceptions[0])?.component;
  return String(c?.getFirstPropertyValue("uid") ?? "").trim();
}

/**
 * A calendar in memory, expanded whole: both readings over the one text, every occurrence
 * sorted by start. Throws a PpppptError naming the file and line when the structure is broken.
 */
export function expandCalendar(source: string, options: ExpandOptions): ExpandResult {
  const planner = new CalendarPlanner(options.file);
  planner.push(source);
  const plan = planner.end();
  const found: ExpandResult = { occurrences: [], details: [], warnings: [], calendars: 0 };
  const expander = new CalendarExpander(plan, options, (o, d) => {
    for (const x of o) found.occurrences.push(x);
    for (const x of d) found.details.push(x);
  });
  expander.push(source);
  const { warnings, calendars } = expander.end();
  const starts = found.occurrences.map(startMs);
  const order = found.occurrences.map((_, i) => i);
  const at = (i: number) => found.occurrences[i] as Occurrence;
  order.sort(
    (a, b) =>
      (starts[a] as number) - (starts[b] as number) ||
      compare(at(a).uid, at(b).uid) ||
      compare(at(a).instance, at(b).instance),
  );
  return {
    occurrences: order.map(at),
    details: order.map((i) => found.details[i] as CalendarDetails),
    warnings,
    calendars,
  };
}

type JCal = ConstructorParameters<typeof ICAL.Component>[0] & unknown[];

/**
 * ical.js clones a time (most of all in recurrence iteration) through its generic fromData:
 * Object.entries and a setter per field, each marking the copy for normalisation and
 * dropping its cached instant. A clone of a time is the same fields, zone and state: copied
 * as they are. Another fifth of an import's time.
 */
type TimeState = {
  _time: Record<string, number | boolean>;
  _pendingNormalization: boolean;
  _cachedUnixTime: number | null;
};
ICAL.Time.prototype.clone = function clone(this: Time) {
  const from = this as unknown as TimeState;
  // No data: the constructor's defaults, then the fields below, without fromData's walk.
  const copy = new (ICAL.Time as unknown as new (data: undefined, zone: unknown) => Time)(
    undefined,
    this.zone,
  );
  const to = copy as unknown as TimeState;
  const a = from._time;
  const b = to._time;
  b.year = a.year as number;
  b.month = a.month as number;
  b.day = a.day as number;
  b.hour = a.hour as number;
  b.minute = a.minute as number;
  b.second = a.second as number;
  b.isDate = a.isDate as boolean;
  to._pendingNormalization = from._pendingNormalization;
  to._cachedUnixTime = from._cachedUnixTime;
  return copy;
};

/**
 * ical.js finds a zone's offset at a wall time by walking its list of changes, cloning one
 * per step, on every comparison and conversion: a third of an import's time. The offset is a
 * function of the zone and the wall time alone, so each zone remembers the ones it gave
 * (forgetting them all past a bound, to keep memory flat on a large file).
 */
const OFFSETS_KEPT = 100_000;
const offsetsOf = new WeakMap<object, Map<number, number>>();
const uncachedUtcOffset = ICAL.Timezone.prototype.utcOffset;
ICAL.Timezone.prototype.utcOffset = function utcOffset(
  this: InstanceType<typeof ICAL.Timezone>,
  t,
) {
  let known = offsetsOf.get(this);
  if (!known) {
    known = new Map();
    offsetsOf.set(this, known);
  }
  const key =
    ((((t.year * 13 + t.month) * 32 + t.day) * 24 + t.hour) * 60 + t.minute) * 61 + t.second;
  let offset = known.get(key);
  if (offset === undefined) {
    offset = uncachedUtcOffset.call(this, t);
    if (known.size >= OFFSETS_KEPT) known.clear();
    known.set(key, offset);
  }
  return offset;
};
type Component = InstanceType<typeof ICAL.Component>;

/**
 * Zones the file names without a VTIMEZONE are given to ical.js as if it had one, built from
 * Intl's rules (zone.ts). A name that is neither IANA nor Windows is read as floating, warned
 * once per file.
 */
function registerMissingZones(
  shape: Pick<CalendarOutline, "tzidsUsed" | "tzidsDefined">,
  warn: (line: number, message: string) => void,
): void {
  for (const [tzid, line] of shape.tzidsUsed) {
    if (shape.tzidsDefined.has(tzid) || ICAL.TimezoneService.has(tzid)) continue;
    const zone = resolveZone(tzid);
    if (!zone) {
      warn(
        line,
        `time zone "${tzid}" is neither defined in the file nor known: read as local time`,
      );
      continue;
    }
    const component = ICAL.Component.fromString(vtimezoneFor(tzid, zone));
    ICAL.TimezoneService.register(new ICAL.Timezone({ component, tzid }), tzid);
  }
}

interface Located {
  component: InstanceType<typeof ICAL.Component>;
  line: number;
}

interface Context {
  options: ExpandOptions;
  me: Set<string>;
  floatingZone: string;
  warn: (line: number, message: string) => void;
}

type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

function expandSeries(
  uid: string,
  master: Located,
  exceptions: readonly Located[],
  ctx: Context,
  out: Pick<ExpandResult, "occurrences" | "details">,
  orphan = false,
): void {
  const found: { o: Occurrence; d: CalendarDetails }[] = [];
  const lines = new Map<Component, number>([[master.component, master.line]]);
  for (const e of exceptions) lines.set(e.component, e.line);
  // One VEVENT that cannot be read (an override that ends before it starts) costs its own
  // occurrences, warned once, not the rest of its series.
  const failed = new Set<Component>();
  const attempt = (component: Component, make: () => { o: Occurrence; d: CalendarDetails }) => {
    if (failed.has(component)) return;
    try {
      found.push(make());
    } catch (error) {
      failed.add(component);
      ctx.warn(
        lines.get(component) ?? master.line,
        `event ${uid} skipped: ${(error as Error).message}`,
      );
    }
  };
  if (!master.component.hasProperty("dtstart")) {
    // iTIP replies and counters (RFC 5546) carry no DTSTART: they are messages, not events.
    ctx.warn(master.line, `event ${uid} has no DTSTART: skipped`);
    return;
  }
  try {
    // `exceptions` given, even empty: else ical.js relates every override in the calendar,
    // whatever its UID, to this event (and does so for each event: quadratic).
    const event = new ICAL.Event(master.component, { exceptions: [] });
    const related: Located[] = [];
    for (const e of exceptions) {
      try {
        const override = new ICAL.Event(e.component);
        event.relateException(override);
        // ical.js finds an override by its RECURRENCE-ID as written or in UTC; Google writes it
        // in another zone than DTSTART's (New York beside Los Angeles): file it in UTC too.
        const utc = override.recurrenceId.convertToZone(ICAL.Timezone.utcTimezone).toString();
        (event.exceptions as unknown as Record<string, Event>)[utc] ??= override;
        related.push(e);
      } catch (error) {
        ctx.warn(e.line, `override of ${uid} skipped: ${(error as Error).message}`);
      }
    }
    if (!orphan && event.isRecurring()) {
      // Overrides may move an occurrence from after the range into it: expand past the last one.
      let stopAt = wallMsOfDate(ctx.options.to);
      for (const e of related) {
        const id = wallMs(e.component.getFirstPropertyValue("recurrence-id") as Time);
        if (id > stopAt) stopAt = id;
      }
      // With no overrides, an occurrence is the event at another start: ical.js's details (an
      // end, a lookup among overrides) are not needed, and one that ends days before the range
      // starts is passed over unbuilt (ranges are compared on the wall clock: occurrence.ts).
      const plain = related.length === 0;
      const skipBefore = plain ? wallMsOfDate(ctx.options.from) - spanOf(event, ctx) : -Infinity;
      const used = new Set<Component>();
      const iterator = event.iterator();
      for (let steps = 0; ; steps++) {
        if (steps >= MAX_STEPS) {
          ctx.warn(master.line, `${uid}: stopped after ${MAX_STEPS} occurrences`);
          break;
        }
        const next = iterator.next();
        if (!next) break;
        const wall = wallMs(next);
        if (wall >= stopAt) break;
        if (plain) {
          if (wall < skipBefore) continue;
          attempt(master.component, () => occurrenceOf(uid, event, next, next, ctx));
          continue;
        }
        const details = event.getOccurrenceDetails(next);
        used.add(details.item.component);
        attempt(details.item.component, () =>
          occurrenceOf(uid, details.item, details.startDate, details.recurrenceId, ctx),
        );
      }
      // An override whose RECURRENCE-ID the rule never produces still happened (RFC 5545 lets
      // it stand alone): it counts as an occurrence of its own.
      for (const e of related) {
        if (!used.has(e.component)) attempt(e.component, () => occurrenceFromOverride(uid, e, ctx));
      }
    } else if (orphan) {
      attempt(master.component, () => occurrenceFromOverride(uid, master, ctx));
    } else {
      attempt(master.component, () => occurrenceOf(uid, event, event.startDate, undefined, ctx));
    }
  } catch (error) {
    ctx.warn(master.line, `event ${uid} skipped: ${(error as Error).message}`);
    return;
  }
  for (const { o, d } of found) {
    if (!overlapsRange(o, ctx.options.from, ctx.options.to)) continue;
    out.occurrences.push(o);
    out.details.push(d);
  }
}

function occurrenceFromOverride(
  uid: string,
  e: Located,
  ctx: Context,
): { o: Occurrence; d: CalendarDetails } {
  const item = new ICAL.Event(e.component);
  return occurrenceOf(uid, item, item.startDate, item.recurrenceId, ctx);
}

/** The wall-clock fields of an ical.js time (in whatever zone it carries) as if they were UTC. */
function wallMs(t: Time): number {
  const ms = t.isDate
    ? Date.UTC(t.year, t.month - 1, t.day)
    : Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  return t.year >= 100 ? ms : new Date(ms).setUTCFullYear(t.year);
}

function wallMsOfDate(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

const DAY_MS = 86_400_000;

/**
 * More than any occurrence of the event lasts on the wall clock (a day or two added for DST
 * and all-day ends); infinite when that cannot be told, so that nothing is passed over.
 */
function spanOf(event: Event, ctx: Context): number {
  try {
    const elapsed = event.startDate.isDate ? 0 : elapsedMs(event, ctx);
    // One that ends before it starts is warned about by the first occurrence built: build all.
    if (elapsed < 0) return Number.POSITIVE_INFINITY;
    const duration = event.duration.toSeconds() * 1000;
    return Math.max(elapsed, duration, 0) + 2 * DAY_MS;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

interface Instant {
  ms: number;
  /** Minutes east of UTC at that instant. */
  offset: number;
  zone: string;
}

/** What is the same for every occurrence an event (a master or an override) stands for. */
interface EventFacts {
  title: string;
  attendees: number;
  bucket: Bucket;
  details: CalendarDetails;
  /** Elapsed length, for a timed event. */
  elapsed: number;
}

const facts = new WeakMap<Component, EventFacts>();

function factsOf(item: Event, start: Time, ctx: Context): EventFacts {
  const c = item.component;
  let f = facts.get(c);
  if (!f) {
    const attendees = c.getAllProperties("attendee");
    f = {
      title: String(c.getFirstPropertyValue("summary") ?? "").trim(),
      attendees: attendees.length,
      bucket: bucketOf(item, start, ctx),
      details: {
        description: String(c.getFirstPropertyValue("description") ?? ""),
        attendeeNames: attendees
          .map((a) => String(a.getParameter("cn") ?? ""))
          .filter((n) => n !== ""),
      },
      elapsed: start.isDate ? 0 : elapsedMs(item, ctx),
    };
    facts.set(c, f);
  }
  return f;
}

function occurrenceOf(
  uid: string,
  item: Event,
  start: Time,
  recurrenceId: Time | undefined,
  ctx: Context,
): { o: Occurrence; d: CalendarDetails } {
  const f = factsOf(item, start, ctx);
  const instance = recurrenceId ? instantOf(recurrenceId, ctx).ms : undefined;
  const base = {
    uid,
    instance: instance === undefined ? "" : new Date(instance).toISOString().replace(".000Z", "Z"),
    title: f.title,
    attendees: f.attendees,
    bucket: f.bucket,
  };
  if (start.isDate) {
    const end = allDayEnd(item, start);
    if (end <= dateString(start)) {
      throw new Error(`it ends (${end}) before it starts (${dateString(start)})`);
    }
    return { o: { ...base, start: dateString(start), end, zone: "", minutes: 0 }, d: f.details };
  }
  if (f.elapsed < 0) throw new Error("it ends before it starts");
  const s = instantOf(start, ctx);
  const endMs = s.ms + f.elapsed;
  const endOffset = isIana(s.zone) ? offsetAt(endMs, s.zone) : s.offset;
  const o: Occurrence = {
    ...base,
    start: stamp(s.ms, s.offset),
    end: stamp(endMs, endOffset),
    zone: s.zone,
    minutes: f.elapsed / 60_000,
  };
  return { o, d: f.details };
}

function bucketOf(item: Event, start: Time, ctx: Context): Bucket {
  const c = item.component;
  if (String(c.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED")
    return "cancelled";
  if (start.isDate) return "allDay";
  if (ctx.me.size > 0) {
    for (const a of c.getAllProperties("attendee")) {
      if (!ctx.me.has(address(String(a.getFirstValue() ?? "")))) continue;
      if (String(a.getParameter("partstat") ?? "").toUpperCase() === "DECLINED") return "declined";
    }
  }
  if (String(c.getFirstPropertyValue("transp") ?? "").toUpperCase() === "TRANSPARENT")
    return "free";
  return "timed";
}

/**
 * Elapsed length of one occurrence: DTEND − DTSTART (each in its own zone), else DURATION,
 * else 0. A floating DTEND beside a zoned DTSTART (Mozilla Calendar 1.x wrote those) is read in
 * DTSTART's zone: the hour it names is meant on the same clock.
 */
function elapsedMs(item: Event, ctx: Context): number {
  const c = item.component;
  const dtstart = c.getFirstPropertyValue("dtstart") as Time;
  if (c.hasProperty("dtend")) {
    let dtend = c.getFirstPropertyValue("dtend") as Time;
    if (dtend.isDate && !dtstart.isDate) throw new Error("DTEND is a date but DTSTART is not");
    if (isFloating(dtend) && paramOf(c, "dtend") === undefined && !isFloating(dtstart)) {
      dtend = new ICAL.Time(wallOf(dtend), dtstart.zone);
    }
    return instantOf(dtend, ctx).ms - instantOf(dtstart, ctx).ms;
  }
  if (c.hasProperty("duration")) {
    return (
      (c.getFirstPropertyValue("duration") as InstanceType<typeof ICAL.Duration>).toSeconds() * 1000
    );
  }
  return 0;
}

function isFloating(t: Time): boolean {
  return !t.zone || t.zone.tzid === "floating" || t.zone === ICAL.Timezone.localTimezone;
}

function allDayEnd(item: Event, start: Time): string {
  const c = item.component;
  if (c.hasProperty("dtend") || c.hasProperty("duration")) {
    // ical.js gives an override's or a recurrence's end as start + the event's duration.
    const end = start.clone();
    end.addDuration(item.duration);
    return dateString(end);
  }
  const end = start.clone();
  end.day += 1;
  return dateString(end);
}

function paramOf(c: InstanceType<typeof ICAL.Component>, name: string): string | undefined {
  const p = c.getFirstProperty(name)?.getParameter("tzid");
  return typeof p === "string" ? p : undefined;
}

/**
 * The instant an ical.js time names. Zones are ical.js's (the file's VTIMEZONEs and those
 * registered from Intl); a floating time is on the calendar's X-WR-TIMEZONE, else the user's.
 */
function instantOf(t: Time, ctx: Context): Instant {
  const wall = wallOf(t);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (!isFloating(t)) {
    const ms = t.toUnixTime() * 1000;
    const tz = t.zone?.tzid ?? "UTC";
    return { ms, offset: Math.round((asUtc - ms) / 60_000), zone: resolveZone(tz) ?? tz };
  }
  const zone = ctx.floatingZone;
  const ms = wallToUtc(wall, zone);
  return { ms, offset: Math.round((asUtc - ms) / 60_000), zone };
}

function wallOf(t: Time): WallTime {
  return {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
  };
}

function isIana(zone: string): boolean {
  return resolveZone(zone) === zone;
}

/** `2026-11-30T09:00+01:00`; seconds only when there are any. */
function stamp(ms: number, offset: number): string {
  const local = new Date(ms + offset * 60_000).toISOString();
  const time = local.slice(11, 19).endsWith(":00") ? local.slice(0, 16) : local.slice(0, 19);
  if (offset === 0) return `${time}Z`;
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  return `${time}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

function dateString(t: Time): string {
  return `${String(t.year).padStart(4, "0")}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
}

function address(value: string): string {
  return value
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
