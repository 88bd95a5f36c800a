import { useState } from "preact/hooks";
import type { DeckStory } from "../../src/core/deck/story.js";
import type { Api } from "./api.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

const PERIODS = [
  { key: "7d", label: "Last 7 days" },
  { key: "week", label: "This week" },
  { key: "month", label: "This month" },
  { key: "30d", label: "Last 30 days" },
] as const;

/**
 * The deck: its outline as `ppppt deck --json` has it (each slide's title, points and speaker
 * notes) and the .pptx to download, the file `ppppt deck` writes.
 */
export function Deck(props: { api: Api; version: string }) {
  const [period, setPeriod] = useState<string>("7d");
  const [redact, setRedact] = useState(false);
  const query = `period=${period}${redact ? "&redact=1" : ""}`;
  const { data, error } = useReport<DeckStory>(props.api, `/api/deck?${query}`, props.version);
  const [downloading, setDownloading] = useState<string | undefined>();

  const download = async () => {
    setDownloading("Building the deck…");
    try {
      // A plain link would not carry the token: fetch the file, then hand it to the browser.
      const res = await fetch(`/api/deck.pptx?${query}`, {
        headers: { Authorization: `Bearer ${props.api.token}` },
      });
      if (!res.ok)
        throw new Error(((await res.json()) as { error?: string }).error ?? res.statusText);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download =
        /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ??
        "status.pptx";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownloading(undefined);
    } catch (e) {
      setDownloading(`Could not build the deck: ${(e as Error).message}`);
    }
  };

  return (
    <section class="view" aria-labelledby="deck-title">
      <ViewHead
        id="deck-title"
        title="Deck"
        summary={
          data && (
            <>
              {data.title}, {data.subtitle}: {data.slides.length} slides
            </>
          )
        }
      />
      <div class="deck-controls">
        <label>
          Period{" "}
          <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value)}>
            {PERIODS.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={redact}
            onChange={(e) => setRedact((e.target as HTMLInputElement).checked)}
          />{" "}
          Names as initials
        </label>
        <button type="button" onClick={download}>
          Download .pptx
        </button>
        {downloading && (
          <span class="muted" role="status">
            {downloading}
          </span>
        )}
      </div>
      <ViewError error={error} />
      {data && (
        <ol class="deck-outline">
          {data.slides.map((s, i) => (
            <li key={`${i}-${s.kind}`} class="panel" data-slide={s.kind}>
              <h3>{s.title}</h3>
              {s.subtitle && <p class="deck-subtitle">{s.subtitle}</p>}
              {s.bullets.length > 0 && (
                <ul>
                  {s.bullets.map((b, j) => (
                    <li key={j} class={b.level === 1 ? "deck-sub" : undefined}>
                      {b.text}
                    </li>
                  ))}
                </ul>
              )}
              {s.chart && (
                <p class="muted">
                  Chart:{" "}
                  {s.chart.labels
                    .map((l, j) => `${l} ${s.chart?.series.map((x) => x.values[j]).join(" / ")}`)
                    .join(", ")}{" "}
                  ({s.chart.series.map((x) => x.name).join(" / ")})
                </p>
              )}
              {s.table && (
                <table class="deck-table">
                  <thead>
                    <tr>
                      {s.table.header.map((h) => (
                        <th key={h}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.table.rows.map((r, j) => (
                      <tr key={j} data-status={r.status}>
                        {r.cells.map((c, k) => (
                          <td
                            key={k}
                            class={k === s.table?.statusColumn ? `status-${r.status}` : undefined}
                          >
                            {c}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <details>
                <summary>Speaker notes</summary>
                <p>{s.notes}</p>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
