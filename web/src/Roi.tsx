import { Chart, LinearScale, PointElement, ScatterController, Tooltip } from "chart.js";
import { useMemo } from "preact/hooks";
import type { RoiReport, ScoredProposal } from "../../src/core/roi/report.js";
import type { Api } from "./api.js";
import { useReport } from "./report.js";
import { useChart } from "./use-chart.js";
import { ViewError, ViewHead } from "./ViewHead.js";

Chart.register(ScatterController, LinearScale, PointElement, Tooltip);

const FLAGGED = "#b91c1c";
const CLEAR = "#6d28d9";

/** The ROI check, as `ppppt roi` prints it: the ranked proposals with their flags, and a chart. */
export function Roi(props: { api: Api; version: string }) {
  const { data, error } = useReport<RoiReport>(props.api, "/api/roi", props.version);
  return (
    <section class="view" aria-labelledby="roi-title">
      <ViewHead
        id="roi-title"
        title="ROI check"
        summary={
          data && (
            <>
              {data.proposals.length} open, median RICE {data.portfolio.medianRice ?? "-"}, median
              effort left {data.portfolio.medianEffort ?? "-"} weeks
            </>
          )
        }
      />
      <ViewError error={error} />
      {data && data.proposals.length === 0 && (
        <p>
          No open proposals. Add one with{" "}
          <code>ppppt roi add TITLE --reach N --impact N --confidence PCT --effort WEEKS</code>.
        </p>
      )}
      {data && data.proposals.length > 0 && (
        <>
          <div class="panel">
            <h3>Ranked by RICE on the effort that remains</h3>
            <RoiTable proposals={data.proposals} />
          </div>
          <div class="panels">
            <div class="panel">
              <h3>Effort left against value</h3>
              <ValueChart proposals={data.proposals} />
            </div>
            <div class="panel">
              <h3>What we stopped</h3>
              {data.stopped.length === 0 ? (
                <p>Nothing stopped yet.</p>
              ) : (
                <ul class="roi-stopped">
                  {data.stopped.map((s) => (
                    <li key={s.id}>
                      <strong>{s.title}</strong> ({s.stopped}): {s.why}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function RoiTable(props: { proposals: ScoredProposal[] }) {
  return (
    <table class="roi-table">
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Proposal</th>
          <th scope="col">RICE</th>
          <th scope="col">CD3</th>
          <th scope="col">Effort left</th>
          <th scope="col">Spent</th>
          <th scope="col">If effort 2x / impact ½</th>
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {props.proposals.map((p) => (
          <tr key={p.id} data-proposal={p.id}>
            <td>{p.rank ?? "-"}</td>
            <th scope="row">
              {p.title} <span class="muted">{p.id}</span>
            </th>
            <td>{p.rice ?? "-"}</td>
            <td>{p.cd3 ?? "-"}</td>
            <td>{p.effort === null ? "-" : `${p.effort}w`}</td>
            <td>{p.spent === null ? "-" : `${p.spent}w`}</td>
            <td>
              {p.sensitivity
                ? `rank ${p.sensitivity.effortDoubled.rank} / ${p.sensitivity.impactHalved.rank}`
                : "-"}
            </td>
            <td>
              {p.flags.length === 0 ? (
                <span class="muted">none</span>
              ) : (
                <ul class="roi-flags">
                  {p.flags.map((f) => (
                    <li key={f}>
                      <strong class="roi-flag">{f}</strong>: {p.reasons[f]}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each proposal a point: remaining effort across, reach × impact × confidence up. */
function ValueChart(props: { proposals: ScoredProposal[] }) {
  const points = useMemo(
    () => props.proposals.filter((p) => p.effort !== null && p.value !== null),
    [props.proposals],
  );
  const unplotted = props.proposals.filter((p) => !points.includes(p));
  const canvas = useChart(
    () => ({
      type: "scatter",
      data: {
        datasets: [
          {
            label: "Proposals",
            data: points.map((p) => ({ x: p.effort as number, y: p.value as number })),
            pointBackgroundColor: points.map((p) => (p.flags.length > 0 ? FLAGGED : CLEAR)),
            pointRadius: 7,
            pointHoverRadius: 9,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {
          // One dataset: the colours are explained under the chart instead.
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const p = points[ctx.dataIndex] as ScoredProposal;
                const flags = p.flags.length > 0 ? `, ${p.flags.join(", ")}` : "";
                return `${p.title}: ${p.effort}w, value ${p.value}, RICE ${p.rice ?? "-"}${flags}`;
              },
            },
          },
        },
        scales: {
          x: { beginAtZero: true, title: { display: true, text: "effort left (person-weeks)" } },
          y: {
            beginAtZero: true,
            title: { display: true, text: "value: reach × impact × confidence" },
          },
        },
      },
    }),
    [points],
  );
  const described = points
    .map((p) => `${p.title} (${p.id}): ${p.effort} weeks, value ${p.value}`)
    .join("; ");
  return (
    <>
      <div class="chart-box">
        <canvas
          ref={canvas}
          role="img"
          data-points={points.length}
          aria-label={`Effort left against value, one point per proposal: ${described}`}
        />
      </div>
      <p class="muted">
        Red points are flagged. Above and to the left is cheap value; below and to the right is
        where over-engineering lives.
        {unplotted.length > 0 &&
          ` Not plotted (inputs missing): ${unplotted.map((p) => p.id).join(", ")}.`}
      </p>
    </>
  );
}
