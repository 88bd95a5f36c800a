import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { CATEGORY_LABELS } from "../../src/core/category.js";
import type { BalanceResult } from "../../src/core/lens/balance.js";
import { ROLE_LABELS } from "../../src/core/lens/roles.js";
import { signedPoints } from "../../src/core/lens/rounding.js";
import type { PersonBalance, TeamBalance } from "../../src/core/team/roll-up.js";
import { plural } from "../../src/core/wording.js";
import type { Api } from "./api.js";
import { CATEGORY_COLOURS, useReport } from "./report.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type TeamResponse =
  | { joined: false; hint: string | null }
  | ({ joined: true; me: string; lastSync: string | null } & TeamBalance);

/** The director's roll-up, as `ppppt team balance` prints it for this month: one card a person. */
export function Team(props: { api: Api; version: string }) {
  const { data, error } = useReport<TeamResponse>(props.api, "/api/team", props.version);
  return (
    <section class="view" aria-labelledby="team-title">
      <div class="view-head">
        <h2 id="team-title">Team</h2>
        {data?.joined && (
          <span class="muted">
            {data.period.label}, {plural(data.people.length, "member")}; this machine last synced{" "}
            {when(data.lastSync)}
          </span>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {data && !data.joined && (
        <p>
          Not in a team on this machine. Join one with{" "}
          <code>ppppt team join REPO --as NAME --role ROLE</code>, then <code>ppppt team sync</code>
          .
        </p>
      )}
      {data?.joined && (
        <>
          <div class="panel team-summary">
            <h3>The team (mean of {plural(data.team.counted, "member")} with done work)</h3>
            <ul class="team-drift">
              {data.team.categories.map((c) => (
                <li key={c.category} data-category={c.category}>
                  <strong>{CATEGORY_LABELS[c.category]}</strong> {c.sharePct}% (target {c.targetPct}
                  %, {signedPoints(c.driftPts)})
                  {c.starving.length > 0 && (
                    <span class="team-starving"> starving: {c.starving.join(", ")}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
          <div class="team-grid">
            {data.people.map((p) => (
              <PersonCard key={p.name} person={p} me={data.me} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function PersonCard(props: { person: PersonBalance; me: string }) {
  const p = props.person;
  return (
    <article class="panel team-person" data-person={p.name} aria-labelledby={`team-${p.name}`}>
      <h3 id={`team-${p.name}`}>
        {p.name}
        {p.name === props.me ? " (you)" : ""} <span class="muted">{ROLE_LABELS[p.role]}</span>
      </h3>
      <p class="muted team-sync">last sync {when(p.lastSync ?? null)}</p>
      {p.balance.total === 0 ? (
        <p class="muted">Nothing done this period.</p>
      ) : (
        <SmallMix name={p.name} balance={p.balance} />
      )}
      {p.starving.length === 0 ? (
        <p class="team-ok">Nothing starving.</p>
      ) : (
        <p class="team-starving">
          Starving:{" "}
          {p.starving
            .map((s) =>
              s.idleDays === undefined
                ? `${CATEGORY_LABELS[s.category]} (never)`
                : `${CATEGORY_LABELS[s.category]} (${plural(s.idleDays, "day")})`,
            )
            .join(", ")}
        </p>
      )}
    </article>
  );
}

function SmallMix(props: { name: string; balance: BalanceResult }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = props.balance.categories;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: rows.map((r) => CATEGORY_LABELS[r.category]),
        datasets: [
          {
            label: "Share %",
            data: rows.map((r) => Math.round(r.share * 10) / 10),
            backgroundColor: rows.map((r) => CATEGORY_COLOURS[r.category]),
          },
          {
            label: "Target %",
            data: rows.map((r) => r.target),
            backgroundColor: "rgba(156, 163, 175, 0.35)",
            borderColor: "#4b5563",
            borderWidth: 1,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, max: 100 } },
      },
    });
    return () => chart.destroy();
  }, [rows]);
  const text = rows
    .map((r) => `${CATEGORY_LABELS[r.category]} ${r.sharePct}% (target ${r.target}%)`)
    .join(", ");
  return (
    <div class="team-chart">
      <canvas ref={canvas} role="img" aria-label={`${props.name}'s mix: ${text}`} />
    </div>
  );
}

function when(iso: string | null): string {
  return iso ? iso.replace("T", " ").slice(0, 16) : "never";
}
