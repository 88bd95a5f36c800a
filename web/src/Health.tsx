import type { FlakyReport } from "../../src/core/health/flaky.js";
import type { IssueFigures, PriorityFigures, TechDebtPoint } from "../../src/core/health/issues.js";
import type { BudgetPoint, SloStatus } from "../../src/core/health/slo.js";
import type { Api } from "./api.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

/** What GET /api/health answers (src/server/health-routes.ts). */
interface HealthResponse {
  flaky: FlakyReport;
  slos: SloStatus[];
  budgets: BudgetPoint[][];
  issues: IssueFigures;
  sloFile: string | null;
}

function pct(x: number | null): string {
  return x === null ? "–" : `${Math.round(x * 1000) / 10}%`;
}

function rate(x: number | null): string {
  return x === null ? "–" : `${x.toFixed(1)}x`;
}

function days(x: number | null): string {
  return x === null ? "–" : `${Math.round(x)} d`;
}

/**
 * Engineering health: each SLO's error budget over the last 28 days and its burn rates, the
 * flaky tests, bug age by priority and tech debt by week. The charts are inline SVG.
 */
export function Health(props: { api: Api; version: string }) {
  const { data, error } = useReport<HealthResponse>(props.api, "/api/health", props.version);
  const empty = data && data.flaky.runs === 0 && data.issues.issues === 0;
  return (
    <section class="view" aria-labelledby="health-title">
      <ViewHead
        id="health-title"
        title="Engineering health"
        summary={
          data && (
            <>{data.sloFile ? `SLOs from ${data.sloFile}` : "the default SLOs"} · docs/health.md</>
          )
        }
      />
      <ViewError error={error} />
      {empty && (
        <p>
          No test reports or issue exports yet. Run <code>ppppt health ingest PATH…</code> on CI's
          JUnit XML and <code>ppppt health ingest-issues FILE…</code> on a tracker export.
        </p>
      )}
      {data && !empty && (
        <>
          <div class="panels health-slos">
            {data.slos.map((s, i) => (
              <SloPanel key={s.name} slo={s} budget={data.budgets[i] ?? []} />
            ))}
          </div>
          <div class="panel">
            <h3>Flaky tests</h3>
            <FlakyTable report={data.flaky} />
          </div>
          <div class="panels">
            <div class="panel">
              <h3>Bug age by priority</h3>
              <BugAge figures={data.issues} />
            </div>
            <div class="panel">
              <h3>Tech debt by week</h3>
              <TechDebt figures={data.issues} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function SloPanel(props: { slo: SloStatus; budget: BudgetPoint[] }) {
  const s = props.slo;
  return (
    <div class="panel health-slo" data-slo={s.name} data-status={s.status}>
      <h3>{s.displayName}</h3>
      <p>
        <span class={`health-status health-${s.status}`}>{s.status}</span> {s.why}
      </p>
      <p class="muted">
        indicator {pct(s.indicator)} ({s.good} of {s.total}), objective {pct(s.objective)}, budget
        left {pct(s.budgetLeft)}
      </p>
      <BudgetChart name={s.displayName} points={props.budget} />
      <BurnChart slo={s} />
    </div>
  );
}

const W = 320;
const H = 120;
const PAD = 28;

/** The error budget left on each day, 100% at the top, the zero line marked. */
function BudgetChart(props: { name: string; points: BudgetPoint[] }) {
  const known = props.points.filter((p) => p.budgetLeft !== null);
  if (known.length === 0) return <p class="muted">No budget to draw yet: no events.</p>;
  const values = known.map((p) => p.budgetLeft as number);
  // Overspent past -100% is drawn at -100%: the figure above the chart says by how much.
  const low = Math.max(-1, Math.min(0, ...values));
  const y = (v: number) => 6 + ((1 - Math.max(v, low)) / (1 - low)) * (H - 24);
  const step = (W - PAD - 6) / Math.max(1, props.points.length - 1);
  const x = (i: number) => PAD + i * step;
  const line = props.points
    .map((p, i) =>
      p.budgetLeft === null ? null : `${x(i).toFixed(1)},${y(p.budgetLeft).toFixed(1)}`,
    )
    .filter((p) => p !== null)
    .join(" ");
  const last = known.at(-1) as BudgetPoint;
  return (
    <svg
      class="health-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${props.name}: error budget left over the last ${props.points.length} days, now ${pct(last.budgetLeft)}`}
    >
      <line class="axis" x1={PAD} x2={W - 6} y1={y(1)} y2={y(1)} />
      <line class="zero" x1={PAD} x2={W - 6} y1={y(0)} y2={y(0)} />
      <text x={2} y={y(1) + 4}>
        100%
      </text>
      <text x={2} y={y(0) + 4}>
        0%
      </text>
      {low < 0 && (
        <text x={2} y={y(low) + 4}>
          {pct(low)}
        </text>
      )}
      <polyline class="budget" points={line} />
      <text x={PAD} y={H - 2}>
        {props.points[0]?.at.slice(5, 10)}
      </text>
      <text x={W - 6} y={H - 2} text-anchor="end">
        {props.points.at(-1)?.at.slice(5, 10)}
      </text>
    </svg>
  );
}

/** Short and long burn rates as bars against 1x (spends the budget over the window) and 2x. */
function BurnChart(props: { slo: SloStatus }) {
  const b = props.slo.burnRate;
  const bars = [
    { label: b.shortWindow, value: b.short },
    { label: b.longWindow, value: b.long },
  ];
  // Up to 10x drawn to scale; faster burns run to the edge (the figure beside says how fast).
  const max = Math.min(10, Math.max(3, ...bars.map((r) => r.value ?? 0)));
  const x = (v: number) => 90 + (Math.min(v, max) / max) * (W - 100);
  return (
    <svg
      class="health-chart burn"
      viewBox={`0 0 ${W} 64`}
      role="img"
      aria-label={`${props.slo.displayName}: burn rate ${rate(b.short)} over ${b.shortWindow}, ${rate(b.long)} over ${b.longWindow}`}
    >
      {bars.map((r, i) => (
        <g key={r.label}>
          <text x={2} y={18 + i * 24}>
            {r.label} {rate(r.value)}
          </text>
          <rect
            class={r.value !== null && r.value >= 2 ? "burn-fast" : "burn-bar"}
            x={90}
            y={6 + i * 24}
            width={Math.max(0, x(r.value ?? 0) - 90)}
            height={16}
          />
        </g>
      ))}
      {[1, 2].map((t) => (
        <line key={t} class="threshold" x1={x(t)} x2={x(t)} y1={2} y2={54} />
      ))}
      <text x={x(1)} y={63} text-anchor="middle">
        1x
      </text>
      <text x={x(2)} y={63} text-anchor="middle">
        2x
      </text>
    </svg>
  );
}

function FlakyTable(props: { report: FlakyReport }) {
  const { report } = props;
  if (report.runs === 0) return <p>No test reports yet: run ppppt health ingest.</p>;
  if (report.tests.length === 0) return <p>No flaky or broken test over {report.runs} runs.</p>;
  return (
    <table class="health-flaky">
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Status</th>
          <th scope="col">Flake rate</th>
          <th scope="col">Runs affected</th>
          <th scope="col">CI minutes lost</th>
          <th scope="col">Last seen</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {report.tests.map((t) => (
          <tr key={t.testId} data-test={t.testId}>
            <th scope="row">{t.testId}</th>
            <td>{t.status}</td>
            <td>{Math.round(t.flakeRate * 100)}%</td>
            <td>
              {t.runsAffected} of {t.runs}
            </td>
            <td>{t.minutesLost.toFixed(1)}</td>
            <td>{t.lastSeen.slice(0, 10)}</td>
            <td>{t.status === "broken" ? t.broken : t.flags.map((f) => f.why).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per priority: the median and oldest open age as bars, the target as a mark. */
function BugAge(props: { figures: IssueFigures }) {
  const rows = props.figures.bugs.byPriority;
  if (rows.length === 0) return <p>No bugs in the issue exports.</p>;
  const max = Math.max(...rows.map((r) => Math.max(r.oldestOpenAgeDays ?? 0, r.targetDays)));
  const width = (d: number) => (d / max) * (W - 110);
  const rowH = 30;
  return (
    <>
      <svg
        class="health-chart"
        viewBox={`0 0 ${W} ${rows.length * rowH + 16}`}
        role="img"
        aria-label={`Open bug age by priority: ${rows.map((r) => `${r.priority} median ${days(r.medianOpenAgeDays)}, oldest ${days(r.oldestOpenAgeDays)}, target ${r.targetDays} d`).join("; ")}`}
      >
        {rows.map((r, i) => (
          <g key={r.priority}>
            <text x={2} y={i * rowH + 18}>
              {r.priority}
            </text>
            <rect
              class="age-oldest"
              x={70}
              y={i * rowH + 6}
              width={width(r.oldestOpenAgeDays ?? 0)}
              height={16}
            />
            <rect
              class="age-median"
              x={70}
              y={i * rowH + 10}
              width={width(r.medianOpenAgeDays ?? 0)}
              height={8}
            />
            <line
              class="threshold"
              x1={70 + width(r.targetDays)}
              x2={70 + width(r.targetDays)}
              y1={i * rowH + 2}
              y2={i * rowH + 26}
            />
          </g>
        ))}
        <text x={70} y={rows.length * rowH + 12}>
          bars: median and oldest open age; line: target
        </text>
      </svg>
      <table class="health-bugs">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Target</th>
            <th scope="col">Open</th>
            <th scope="col">Median age</th>
            <th scope="col">Oldest</th>
            <th scope="col">Over target</th>
            <th scope="col">Resolved in target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r: PriorityFigures) => (
            <tr key={r.priority} data-priority={r.priority}>
              <th scope="row">{r.priority}</th>
              <td>{r.targetDays} d</td>
              <td>{r.open}</td>
              <td>{days(r.medianOpenAgeDays)}</td>
              <td>{days(r.oldestOpenAgeDays)}</td>
              <td>{r.openOverTarget}</td>
              <td>
                {r.resolvedWithinTarget} of {r.resolved}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TechDebt(props: { figures: IssueFigures }) {
  const t = props.figures.techDebt;
  const points: TechDebtPoint[] = t.overTime;
  if (!points.some((p) => p.open > 0)) return <p>No open tech-debt items in these weeks.</p>;
  const max = Math.max(...points.map((p) => p.open));
  const bar = (W - 10) / points.length;
  const y = (n: number) => (n / max) * (H - 30);
  return (
    <>
      <p>
        {t.open} open, median age {days(t.medianAgeDays)}, oldest {days(t.oldestAgeDays)} (limit{" "}
        {t.maxDays} d)
      </p>
      <svg
        class="health-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Open tech-debt items by week: ${points.map((p) => `${p.at.slice(0, 10)} ${p.open}`).join(", ")}`}
      >
        {points.map((p, i) => (
          <g key={p.at}>
            <rect
              class={p.olderThanMax > 0 ? "debt-old" : "debt-bar"}
              x={5 + i * bar + 2}
              y={H - 18 - y(p.open)}
              width={bar - 4}
              height={y(p.open)}
            />
            <text x={5 + i * bar + bar / 2} y={H - 22 - y(p.open)} text-anchor="middle">
              {p.open}
            </text>
          </g>
        ))}
        <text x={5} y={H - 4}>
          {points[0]?.at.slice(5, 10)}
        </text>
        <text x={W - 5} y={H - 4} text-anchor="end">
          {points.at(-1)?.at.slice(5, 10)}
        </text>
      </svg>
    </>
  );
}
