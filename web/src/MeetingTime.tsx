import type { MeetingTime } from "../../src/core/calendar/meeting-time.js";
import { CATEGORY_LABELS } from "../../src/core/category.js";
import { signedPoints } from "../../src/core/lens/rounding.js";
import { minutesText } from "./report.js";

/** Meetings beside the items' effort, both together against the target, the costliest series. */
export function MeetingTimePanel(props: { meetings: MeetingTime }) {
  const { hours, whereTimeWent: w, costliest } = props.meetings;
  return (
    <div class="panel meeting-time">
      <h3>Where the time went</h3>
      <p class="muted">
        {hours.meetings} meetings, {minutesText(hours.total)}; counting {w.note}.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Meetings</th>
            <th scope="col">Items</th>
            <th scope="col">Together</th>
            <th scope="col">Target</th>
            <th scope="col">Drift</th>
          </tr>
        </thead>
        <tbody>
          {w.rows.map((r) => (
            <tr key={r.category} data-category={r.category}>
              <th scope="row">{CATEGORY_LABELS[r.category]}</th>
              <td>{minutesText(r.meetingMinutes)}</td>
              <td>{w.itemsIncluded ? minutesText(r.itemMinutes) : "-"}</td>
              <td>{Math.round(r.share)}%</td>
              <td>{r.target}%</td>
              <td>{signedPoints(Math.round(r.drift))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {costliest.length > 0 && (
        <p class="costliest">
          Costliest series:{" "}
          {costliest
            .map(
              (s) =>
                `${s.title}: ${minutesText(s.perWeek)} a week, ${s.category ? CATEGORY_LABELS[s.category] : "no category"}`,
            )
            .join("; ")}
          .
        </p>
      )}
    </div>
  );
}
