import { useState } from "preact/hooks";
import { CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { ReviewJson } from "../../src/core/lens/review.js";
import { signedPoints } from "../../src/core/lens/rounding.js";
import type { Api, ItemJson } from "./api.js";
import { friendlyDate } from "./format.js";
import { MeetingTimePanel } from "./MeetingTime.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

/** The weekly review, as `ppppt review` writes it: done, slipped, drift, the next practice. */
export function Review(props: { api: Api; version: string; onTakeUp: (id: string) => void }) {
  const { data, error } = useReport<ReviewJson>(props.api, "/api/review", props.version);
  return (
    <section class="view" aria-labelledby="review-title">
      <ViewHead
        id="review-title"
        title="Weekly review"
        summary={
          data && (
            <>
              {data.period.label}, {data.period.start} to {data.period.end}
            </>
          )
        }
      />
      <ViewError error={error} />
      {data && <ReviewBody review={data} onTakeUp={props.onTakeUp} />}
    </section>
  );
}

function ReviewBody(props: { review: ReviewJson; onTakeUp: (id: string) => void }) {
  const r = props.review;
  const doneCount = r.done.reduce((s, g) => s + g.items.length, 0);
  const [taken, setTaken] = useState(false);
  return (
    <>
      <div class="panels">
        <div class="panel">
          <h3>Done this week ({doneCount})</h3>
          {r.done.length === 0 && <p>Nothing done in these seven days.</p>}
          {r.done
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <div key={g.category ?? "none"}>
                <h4>{g.category ? CATEGORY_LABELS[g.category as Category] : "No category"}</h4>
                <ItemList items={g.items} today={r.today} />
              </div>
            ))}
        </div>
        <div class="panel">
          <h3>Slipped</h3>
          <h4>Overdue ({r.overdue.length})</h4>
          {r.overdue.length === 0 ? (
            <p>Nothing overdue.</p>
          ) : (
            <ItemList items={r.overdue} today={r.today} />
          )}
          <h4>Pushed later ({r.pushed.length})</h4>
          {r.pushed.length === 0 ? (
            <p>No due date moved since the last written review.</p>
          ) : (
            <ul>
              {r.pushed.map((p) => (
                <li key={p.item.id}>
                  {p.item.title}{" "}
                  <span class="muted">
                    {p.from} → {p.to}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div class="panels">
        <div class="panel">
          <h3>Drift</h3>
          <p>
            <strong>{r.balance.judgement}</strong> Effort {r.balance.basisNote};{" "}
            {r.balance.totalNote}.
          </p>
          <ul>
            {r.balance.categories.map((c) => (
              <li key={c.category}>
                {CATEGORY_LABELS[c.category]}: {c.sharePct}% against {c.target}% (
                {signedPoints(c.driftPts)})
              </li>
            ))}
          </ul>
          {r.activity.some((a) => a.starving) && (
            <p>
              Starving:{" "}
              {r.activity
                .filter((a) => a.starving)
                .map((a) => CATEGORY_LABELS[a.category])
                .join(", ")}
            </p>
          )}
        </div>
        <div class="panel">
          <h3>Next practice</h3>
          {r.focus && <p>Focus: {r.focus.reason}.</p>}
          {r.practice ? (
            <>
              <p>
                <strong>{r.practice.title}</strong>{" "}
                <span class="muted">({CATEGORY_LABELS[r.practice.category]})</span>
              </p>
              <p>{r.practice.prompt}</p>
              <p class="muted">{r.practice.why}</p>
              <button
                type="button"
                disabled={taken}
                onClick={() => {
                  setTaken(true);
                  props.onTakeUp(r.practice?.id ?? "");
                }}
              >
                {taken ? "Taken up" : "Take it up"}
              </button>
            </>
          ) : (
            <p>No practice to suggest: every one for the role is under way.</p>
          )}
        </div>
      </div>
      {r.meetings && (
        <div class="panels">
          <MeetingTimePanel meetings={r.meetings} />
        </div>
      )}
    </>
  );
}

function ItemList(props: { items: ItemJson[]; today: string }) {
  return (
    <ul>
      {props.items.map((i) => (
        <li key={i.id}>
          {i.title}
          {i.due && <span class="muted"> · due {friendlyDate(i.due, props.today)}</span>}
        </li>
      ))}
    </ul>
  );
}
