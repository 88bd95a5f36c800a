import { CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { DoneHistory } from "../../src/core/lens/done-history.js";
import { plural } from "../../src/core/wording.js";
import type { Api } from "./api.js";
import { friendlyDate } from "./format.js";
import { hashFor, useHashParam } from "./hash.js";
import { minutesText, useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

/**
 * What was done in a week (`#history` this week, `#history/2026-11-16` the week of that day),
 * by category, with the time each item took: spent, else estimated, else the days from its
 * creation to done, as done-history.ts decides and words it.
 */
export function History(props: { api: Api; version: string; today: string }) {
  const week = useHashParam();
  const path = week === "" ? "/api/history" : `/api/history?week=${encodeURIComponent(week)}`;
  const { data, error } = useReport<DoneHistory>(props.api, path, props.version);
  const go = (date: string) => {
    location.hash = hashFor("history", date);
  };
  return (
    <section class="view history" aria-labelledby="history-title">
      <ViewHead id="history-title" title="Done">
        {data && (
          <span class="muted" data-testid="history-period">
            week {data.period.label}: {data.period.start} to {data.period.end},{" "}
            {plural(data.total, "item")} done
          </span>
        )}
      </ViewHead>
      <nav class="history-weeks" aria-label="Weeks">
        <button type="button" disabled={!data} onClick={() => data && go(data.previous)}>
          ← Previous week
        </button>
        <button type="button" disabled={!data?.next} onClick={() => data?.next && go(data.next)}>
          Next week →
        </button>
        <button type="button" disabled={week === ""} onClick={() => (location.hash = "history")}>
          This week
        </button>
        <label>
          Week of{" "}
          <input
            type="date"
            max={props.today}
            value={data?.period.start ?? ""}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v) go(v);
            }}
          />
        </label>
      </nav>
      <ViewError error={error} />
      {data && data.total === 0 && <p>Nothing was done this week.</p>}
      {data?.groups.map((g) => {
        const label = g.category ? CATEGORY_LABELS[g.category as Category] : "No category";
        const times = [
          g.measuredMinutes > 0 ? `${minutesText(g.measuredMinutes)} spent` : "",
          g.estimatedMinutes > 0 ? `${minutesText(g.estimatedMinutes)} estimated` : "",
        ].filter((t) => t !== "");
        return (
          <section
            key={g.category ?? "none"}
            class={`panel history-group col-${g.category ?? "none"}`}
            aria-label={label}
          >
            <h3>
              {label} <span class="muted">({plural(g.items.length, "item")})</span>
              {times.length > 0 && <span class="muted"> · {times.join(", ")}</span>}
            </h3>
            <ul>
              {g.items.map((e) => (
                <li key={`${e.item.id}-${e.item.line}`} data-id={e.item.id}>
                  {e.item.title}
                  <span class="muted">
                    {" "}
                    · done {friendlyDate(e.item.completed ?? "", props.today)}
                    {e.predicted && " · category a guess"}
                  </span>{" "}
                  <span class={`took took-${e.took}`}>{e.tookText}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {data && data.total > 0 && (
        <p class="muted">
          The time is the item's <code>spent:</code> where it has one, else its <code>est:</code>.
          An item with neither shows the days from its creation date to done: how long it waited,
          not the effort it took.
        </p>
      )}
    </section>
  );
}
