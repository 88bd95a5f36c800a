import { type MeetingTime, meetingTimeIn } from "../calendar/meeting-time.js";
import { type BalanceResult, balanceOfLensItems } from "./balance.js";
import { type Period, type PeriodKind, trendKindOf } from "./period.js";
import { type ReportInput, reportItems } from "./report-input.js";
import { ROLE_LABELS } from "./roles.js";
import { activityOfLensItems, type CategoryActivity } from "./starving.js";
import { type TrendPoint, trendOfLensItems } from "./trend.js";

/**
 * The balance report, whole: the mix over one period, the starving categories and the trend.
 * `ppppt balance --json` prints it and `GET /api/balance` serves it, byte for byte the same.
 */
export interface BalanceReport {
  /** The period the mix was measured over (also in `balance.period`). */
  period: Period;
  balance: BalanceResult;
  activity: CategoryActivity[];
  starvingWeeks: number;
  trend: TrendPoint[];
  trendKind: PeriodKind;
  roleLabel: string;
  /** Meeting time in the period beside the items' effort; null when no calendar was imported. */
  meetings: MeetingTime | null;
  /** How many done items came from the docket and how many from the done file. */
  sources: { docket: number; doneFile: number };
}

export interface BalanceReportInput extends ReportInput {
  period: Period;
  /** The periods of the trend; by default the period's own kind (weeks for a rolling window). */
  trendKind?: PeriodKind;
}

export function buildBalanceReport(input: BalanceReportInput): BalanceReport {
  const { settings, today, period } = input;
  const items = reportItems(input);
  const trendKind = input.trendKind ?? trendKindOf(period);
  const fromDocket = input.lines.filter((l) => l.item.done).length;
  const balance = balanceOfLensItems(items, period, settings.target, today);
  return {
    period,
    balance,
    meetings: meetingTimeIn(input.meetings, period, balance, settings.target.mix),
    activity: activityOfLensItems(items, today, settings.starvingWeeks),
    starvingWeeks: settings.starvingWeeks,
    trend: trendOfLensItems(items, trendKind, settings.target, today),
    trendKind,
    roleLabel: ROLE_LABELS[settings.target.role],
    sources: {
      docket: fromDocket,
      doneFile: items.filter((li) => li.item.done).length - fromDocket,
    },
  };
}
