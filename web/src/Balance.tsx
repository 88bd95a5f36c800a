import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useState } from "preact/hooks";
import { CATEGORIES, CATEGORY_LABELS } from "../../src/core/category.js";
import type { BalanceResult } from "../../src/core/lens/balance.js";
import type { BalanceReport } from "../../src/core/lens/balance-report.js";
import { signedPoints } from "../../src/core/lens/rounding.js";
import type { CategoryActivity } from "../../src/core/lens/starving.js";
import type { TrendPoint } from "../../src/core/lens/trend.js";
import type { Api } from "./api.js";
import { MeetingTimePanel } from "./MeetingTime.js";
import { RolePicker } from "./RolePicker.js";
import { CATEGORY_COLOURS, minutesText, useReport } from "./report.js";
import { useChart } from "./use-chart.js";
import { ViewError, ViewHead } from "./ViewHead.js";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = "system-ui, sans-serif";
Chart.defaults.color = "#1b1f24";

/** The picker's periods: rolling windows first (the default, as `ppppt balance`'s), then calendar ones. */
const PERIODS: [string, string][] = [
  ["30d", "Last 30 days"],
  ["7d", "Last 7 days"],
  ["90d", "Last 90 days"],
  ["week", "This week"],
  ["month", "This month"],
  ["quarter", "This quarter"],
];

/** The mix against the role's target, and the trend over the last periods. */
export function Balance(props: { api: Api; version: string }) {
  const [period, setPeriod] = useState("30d");
  const [role, setRole] = useState("");
  const path = `/api/balance?period=${period}${role ? `&role=${role}` : ""}`;
  const { data, error } = useReport<BalanceReport>(props.api, path, props.version);
  return (
    <section class="view" aria-labelledby="balance-title">
      <ViewHead id="balance-title" title="Balance">
        <label>
          Period{" "}
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
            {PERIODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <RolePicker value={role} onChange={setRole} configLabel={data?.roleLabel} />
      </ViewHead>
      <ViewError error={error} />
      {data && (
        <>
          <p class="muted period-used">
            {data.period.label}: {data.period.start} to {data.period.end}, judged as{" "}
            {data.roleLabel}. Effort {data.balance.basisNote}; {data.balance.totalNote}.
          </p>
          <p class={data.balance.judged ? "judgement" : "judgement too-little"}>
            <strong>{data.balance.judgement}</strong>
          </p>
          {data.sources.doneFile > 0 && (
            <p class="muted">
              {data.sources.doneFile} done items come from the done file (archived).
            </p>
          )}
          <div class="panels">
            <div class="panel">
              <h3>Mix against the target</h3>
              <MixChart balance={data.balance} />
            </div>
            <div class="panel">
              <h3>
                Share per {data.trendKind}, last {data.trend.length}
              </h3>
              <TrendChart trend={data.trend} />
            </div>
          </div>
          <div class="panels">
            <div class="panel">
              <h3>The numbers</h3>
              <BalanceTable balance={data.balance} />
            </div>
            <div class="panel">
              <h3>Starving</h3>
              <Starving activity={data.activity} weeks={data.starvingWeeks} />
            </div>
          </div>
          {data.meetings && (
            <div class="panels">
              <MeetingTimePanel meetings={data.meetings} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Share against target per category. `small`: the Team view's card (no legend, no axis title,
 * a 0-100 scale so every person's card reads alike, its own accessible name).
 */
export function MixChart(props: { balance: BalanceResult; small?: { name: string } }) {
  const rows = props.balance.categories;
  const small = props.small !== undefined;
  const canvas = useChart(
    () => ({
      type: "bar",
      data: {
        labels: rows.map((r) => CATEGORY_LABELS[r.category]),
        datasets: [
          {
            label: "Actual share %",
            data: rows.map((r) => r.sharePct),
            backgroundColor: rows.map((r) => CATEGORY_COLOURS[r.category]),
          },
          {
            label: "Target %",
            data: rows.map((r) => r.target),
            backgroundColor: "rgba(156, 163, 175, 0.35)",
            borderColor: "#4b5563",
            borderWidth: small ? 1 : 2,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        ...(small ? { plugins: { legend: { display: false } } } : {}),
        scales: {
          y: small
            ? { beginAtZero: true, max: 100 }
            : { beginAtZero: true, title: { display: true, text: "% of effort" } },
        },
      },
    }),
    [rows, small],
  );
  const text = rows
    .map((r) => `${CATEGORY_LABELS[r.category]} ${r.sharePct}% (target ${r.target}%)`)
    .join(", ");
  const label = props.small
    ? `${props.small.name}'s mix: ${text}`
    : `Mix against the target: ${text}`;
  return (
    <div class={small ? "team-chart" : "chart-box"}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

function TrendChart(props: { trend: TrendPoint[] }) {
  const { trend } = props;
  const canvas = useChart(
    () => ({
      type: "line",
      data: {
        labels: trend.map((p) => p.label),
        datasets: CATEGORIES.map((c) => ({
          label: CATEGORY_LABELS[c],
          data: trend.map((p) => p.sharesPct[c]),
          borderColor: CATEGORY_COLOURS[c],
          backgroundColor: CATEGORY_COLOURS[c],
          tension: 0,
          pointRadius: 2,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: "% of effort" } } },
      },
    }),
    [trend],
  );
  return (
    <div class="chart-box">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Share of effort per category over the last ${trend.length} periods`}
      />
    </div>
  );
}

function BalanceTable(props: { balance: BalanceResult }) {
  const b = props.balance;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Done</th>
          <th scope="col">Effort</th>
          <th scope="col">Share</th>
          <th scope="col">Target</th>
          <th scope="col">Drift</th>
        </tr>
      </thead>
      <tbody>
        {b.categories.map((r) => (
          <tr key={r.category}>
            <th scope="row">{CATEGORY_LABELS[r.category]}</th>
            <td>{r.items}</td>
            <td>{b.basis === "time" ? minutesText(r.effort) : r.effort}</td>
            <td>{r.sharePct}%</td>
            <td>{r.target}%</td>
            <td class={r.driftPts <= -5 ? "below" : ""}>{signedPoints(r.driftPts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Starving(props: { activity: CategoryActivity[]; weeks: number }) {
  const starving = props.activity.filter((a) => a.starving);
  if (starving.length === 0) {
    return <p>Every category had something done in the last {props.weeks} weeks.</p>;
  }
  return (
    <ul class="starving">
      {starving.map((a) => (
        <li key={a.category}>
          <strong>{CATEGORY_LABELS[a.category]}</strong>:{" "}
          {a.idleDays === undefined
            ? "nothing ever done"
            : `nothing done for ${a.idleDays} days (last ${a.lastDone})`}
        </li>
      ))}
    </ul>
  );
}
