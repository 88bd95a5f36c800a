import { CATEGORY_LABELS } from "../../src/core/category.js";
import { ROLE_LABELS } from "../../src/core/lens/roles.js";
import { signedPoints } from "../../src/core/lens/rounding.js";
import type { PersonBalance, TeamBalance } from "../../src/core/team/roll-up.js";
import { plural } from "../../src/core/wording.js";
import type { Api } from "./api.js";
import { MixChart } from "./Balance.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

type TeamResponse =
  | { joined: false; hint: string | null }
  | ({ joined: true; me: string; lastSync: string | null } & TeamBalance);

/** The director's roll-up, as `ppppt team balance` prints it for this month: one card a person. */
export function Team(props: { api: Api; version: string }) {
  const { data, error } = useReport<TeamResponse>(props.api, "/api/team", props.version);
  return (
    <section class="view" aria-labelledby="team-title">
      <ViewHead
        id="team-title"
        title="Team"
        summary={
          data?.joined && (
            <>
              {data.period.label}, {plural(data.people.length, "member")}; this machine last synced{" "}
              {when(data.lastSync)}
            </>
          )
        }
      />
      <ViewError error={error} />
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
        <MixChart balance={p.balance} small={{ name: p.name }} />
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

function when(iso: string | null): string {
  return iso ? iso.replace("T", " ").slice(0, 16) : "never";
}
