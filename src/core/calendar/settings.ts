import { z } from "zod";
import { isKnownZone } from "./zone.js";

/**
 * The config's `calendar:` section (docs/config.md): who "me" is, the zone of floating times,
 * working hours (for focus time), and the feeds imported by URL. A feed's URL is a secret (the
 * "secret address" Google and Outlook give): it lives here only, in a file kept at mode 0600.
 */
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof DAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day, HH:MM");

export const calendarConfigSchema = z.strictObject({
  me: z.array(z.string().min(3)).optional(),
  timezone: z
    .string()
    .refine(isKnownZone, { message: "not a time zone (use an IANA name such as Europe/Berlin)" })
    .optional(),
  workingHours: z
    .strictObject({
      start: clock.optional(),
      end: clock.optional(),
      days: z.array(z.enum(DAYS)).optional(),
    })
    .refine((w) => (w.start ?? "09:00") < (w.end ?? "17:00"), {
      message: "working hours must end after they start",
    })
    .optional(),
  feeds: z.record(z.string(), z.url({ protocol: /^https?$/ })).optional(),
});

export type CalendarConfig = z.infer<typeof calendarConfigSchema>;

export interface WorkingHours {
  /** Minutes after midnight. */
  start: number;
  end: number;
  /** 0 = Monday … 6 = Sunday. */
  days: number[];
}

export function workingHoursOf(config: CalendarConfig | undefined): WorkingHours {
  const w = config?.workingHours;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return {
    start: minutes(w?.start ?? "09:00"),
    end: minutes(w?.end ?? "17:00"),
    days: (w?.days ?? ["mon", "tue", "wed", "thu", "fri"]).map((d) => DAYS.indexOf(d)),
  };
}
