import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";
import type { TimeReport, WeekHours } from "../../src/core/calendar/time-report.js";
import { CATEGORIES, CATEGORY_LABELS } from "../../src/core/category.js";
import type { Api } from "./api.js";
import { CATEGORY_COLOURS, minutesText, useReport } from "./report.js";
import { useChart } from "./use-chart.js";
import { ViewError, ViewHead } from "./ViewHead.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Where the time goes: meeting hours per category per week, this week's calendar, the costliest series. */
export function Time(props: { api: Api; version: string }) {
  const { data, error } = useReport<TimeReport>(props.api, "/api/time", props.version);
  return (
    <section class="view" aria-labelledby="time-title">
      <ViewHead
        id="time-title"
        title="Where the time goes"
        summary={data && "meetings imported with ppppt import calendar"}
      />
      <ViewError error={error} />
      {data && data.sources === 0 && (
        <p>
          No calendar imported yet. Export one as .ics and run{" "}
          <code>ppppt import calendar FILE</code>.
        </p>
      )}
      {data && data.sources > 0 && (
        <>
          <div class="panel">
            <h3>Meeting hours per category, the last {data.weeks.length} weeks</h3>
            <WeeksChart weeks={data.weeks} />
          </div>
          <div class="panels">
            <div class="panel">
              <h3>The week of {data.week}</h3>
              <WeekCalendar report={data} />
            </div>
            <div class="panel">
              <h3>The costliest series</h3>
              {data.costliest.length === 0 ? (
                <p>No recurring meetings in these weeks.</p>
              ) : (
                <ol class="time-series">
                  {data.costliest.map((s) => (
                    <li key={s.uid} data-series={s.uid}>
                      <strong>{s.title}</strong>: {minutesText(s.perWeek)} a week,{" "}
                      {s.category ? CATEGORY_LABELS[s.category] : "no category"}
                    </li>
                  ))}
                </ol>
              )}
              <h3>Meeting load</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    <th scope="col">Meetings</th>
                    <th scope="col">1:1s</th>
                    <th scope="col">Focus</th>
                  </tr>
                </thead>
                <tbody>
                  {data.load.weeks.map((w) => (
                    <tr key={w.week}>
                      <th scope="row">{w.week}</th>
                      <td>{minutesText(w.meetingMinutes)}</td>
                      <td>{minutesText(w.oneOnOneMinutes)}</td>
                      <td>{minutesText(w.focusMinutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function WeeksChart(props: { weeks: WeekHours[] }) {
  const { weeks } = props;
  const canvas = useChart(
    () => ({
      type: "bar",
      data: {
        labels: weeks.map((w) => w.week),
        datasets: CATEGORIES.map((c) => ({
          label: CATEGORY_LABELS[c],
          data: weeks.map((w) => Math.round((w.minutes[c] / 60) * 10) / 10),
          backgroundColor: CATEGORY_COLOURS[c],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: "hours" } },
        },
      },
    }),
    [weeks],
  );
  return (
    <div class="chart-box">
      <canvas
        ref={canvas}
        role="img"
        aria-label={`Meeting hours per category per week, the last ${weeks.length} weeks`}
      />
    </div>
  );
}

function WeekCalendar(props: { report: TimeReport }) {
  const { meetings } = props.report;
  if (meetings.length === 0) return <p>No meetings this week.</p>;
  return (
    <ul class="time-week">
      {meetings.map((m) => (
        <li
          key={`${m.series}-${m.start}`}
          class={m.category ? `time-meeting col-${m.category}` : "time-meeting"}
          data-category={m.category ?? ""}
        >
          <span class="time-when">
            {m.start.slice(5, 10)} {m.start.slice(11, 16)}–{m.end.slice(11, 16)}
          </span>{" "}
          <span class="time-title">{m.title}</span>{" "}
          <span class="muted">
            {minutesText(m.minutes)}
            {m.category ? `, ${CATEGORY_LABELS[m.category]}${m.guessed ? "?" : ""}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
