import { seededRandom } from "../src/core/seeded-random.js";

/**
 * A large calendar like a real Google export, seeded: VTIMEZONEs for the zones it uses, weekly
 * and daily series (some ending, some not, some with EXDATEs and moved occurrences), single
 * meetings, all-day events, a long HTML-ish description per event (which is most of a real
 * export's bytes), folded at 75 octets, CRLF.
 */
const BERLIN = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function fold(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    out.push(out.length === 0 ? rest.slice(0, 75) : ` ${rest.slice(0, 74)}`);
    rest = rest.slice(out.length === 1 ? 75 : 74);
  }
  out.push(out.length === 0 ? rest : ` ${rest}`);
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");
function stamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

export function generateCalendar(events: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const words = [
    "roadmap",
    "hiring",
    "incident",
    "review",
    "sync",
    "planning",
    "customer",
    "design",
    "budget",
    "retro",
  ];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ppppt bench//EN",
    "X-WR-TIMEZONE:Europe/Berlin",
    ...BERLIN,
  ];
  for (let i = 0; i < events; i++) {
    const day = Math.floor(random() * 700);
    // On a weekday: a series whose DTSTART is off its own BYDAY is read two ways (RFC 5545 counts
    // that DTSTART in COUNT, dateutil under the reference does not; docs/calendar.md).
    const weekday = day - (day % 7) + ((day % 7) % 5);
    const start = new Date(
      Date.UTC(2025, 0, 6) + weekday * 86_400_000 + (8 + Math.floor(random() * 9)) * 3_600_000,
    );
    const kind = random();
    const uid = `bench-${seed}-${i}@example.com`;
    const title = `${pick(words)} ${pick(words)} ${i}`;
    const description = `<p>Agenda: ${Array.from({ length: 40 }, () => pick(words)).join(" ")}</p><a href="https://meet.example.com/${i}">join</a>`;
    const body = [
      `UID:${uid}`,
      `DTSTAMP:20250101T000000Z`,
      `SUMMARY:${title}`,
      `DESCRIPTION:${description}`,
      `ORGANIZER;CN=Organiser ${i % 17}:mailto:org${i % 17}@example.com`,
      `ATTENDEE;CN=Me;PARTSTAT=${random() < 0.1 ? "DECLINED" : "ACCEPTED"}:mailto:me@example.com`,
      `ATTENDEE;CN=Person ${i % 23};PARTSTAT=ACCEPTED:mailto:p${i % 23}@example.com`,
    ];
    if (kind < 0.1) {
      lines.push(
        "BEGIN:VEVENT",
        `DTSTART;VALUE=DATE:${stamp(start).slice(0, 8)}`,
        ...body,
        "END:VEVENT",
      );
      continue;
    }
    const when = [
      `DTSTART;TZID=Europe/Berlin:${stamp(start)}`,
      `DTEND;TZID=Europe/Berlin:${stamp(new Date(start.getTime() + pick([30, 45, 60, 90]) * 60_000))}`,
    ];
    if (kind < 0.5) {
      lines.push("BEGIN:VEVENT", ...when, ...body, "END:VEVENT");
      continue;
    }
    const rule =
      kind < 0.6
        ? "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=60"
        : kind < 0.9
          ? "RRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z"
          : "RRULE:FREQ=WEEKLY;INTERVAL=2";
    const exdate = new Date(start.getTime() + 7 * 86_400_000);
    lines.push(
      "BEGIN:VEVENT",
      ...when,
      rule,
      `EXDATE;TZID=Europe/Berlin:${stamp(exdate)}`,
      ...body,
      "END:VEVENT",
    );
    if (random() < 0.3) {
      const moved = new Date(start.getTime() + 14 * 86_400_000);
      lines.push(
        "BEGIN:VEVENT",
        `RECURRENCE-ID;TZID=Europe/Berlin:${stamp(moved)}`,
        `DTSTART;TZID=Europe/Berlin:${stamp(new Date(moved.getTime() + 3_600_000))}`,
        `DTEND;TZID=Europe/Berlin:${stamp(new Date(moved.getTime() + 2 * 3_600_000))}`,
        ...body,
        "END:VEVENT",
      );
    }
  }
  lines.push("END:VCALENDAR");
  return `${lines.flatMap(fold).join("\r\n")}\r\n`;
}
