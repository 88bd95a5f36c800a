import { useState } from "preact/hooks";
import { type BoardFilter, isFiltered, NO_FILTER } from "./filter.js";
import { hashFor } from "./hash.js";

/** The fields a phone folds behind the Filters button; Search stays in sight. */
const FOLDED: ReadonlyArray<keyof BoardFilter> = [
  "project",
  "context",
  "person",
  "dueFrom",
  "dueTo",
  "priority",
];

/**
 * The board's search and filter bar; the filter itself lives in the URL (filter.ts). Below
 * 600 px all but Search fold behind a Filters button (the unfolded bar took about 300 px of a
 * phone's height), which counts the folded fields in use so a filter is never set unseen.
 */
export function FilterBar(props: {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  shown: number;
  total: number;
}) {
  const { filter, onChange } = props;
  const [unfolded, setUnfolded] = useState(false);
  const inUse = FOLDED.filter((key) => filter[key].trim() !== "").length;
  const set = (key: keyof BoardFilter, value: string) => onChange({ ...filter, [key]: value });
  const field = (
    key: keyof BoardFilter,
    label: string,
    placeholder: string,
    type: "text" | "date" = "text",
  ) => (
    <div class={`filter-field filter-${key}`}>
      <span class="filter-label" aria-hidden="true">
        {label}
      </span>
      {type === "date" ? (
        <input
          type="date"
          aria-label={label}
          value={filter[key]}
          onInput={(e) => set(key, e.currentTarget.value)}
        />
      ) : (
        <input
          type="text"
          aria-label={label}
          value={filter[key]}
          placeholder={placeholder}
          onInput={(e) => set(key, e.currentTarget.value)}
        />
      )}
    </div>
  );
  return (
    <search class={`filter-bar${unfolded ? " unfolded" : ""}`} aria-label="Search and filter">
      {field("text", "Search", "words, -word")}
      <button
        type="button"
        class="filter-fold"
        aria-expanded={unfolded}
        aria-controls="filter-folded"
        onClick={() => setUnfolded(!unfolded)}
      >
        Filters{inUse > 0 ? ` (${inUse})` : ""}
      </button>
      <div class="filter-folded" id="filter-folded">
        {field("project", "Project", "+project")}
        {field("context", "Context", "@context")}
        {field("person", "Person", "dana")}
        {filter.person.trim() !== "" && (
          <a class="filter-person-page" href={hashFor("person", filter.person.trim())}>
            {filter.person.trim()}'s page
          </a>
        )}
        {field("dueFrom", "Due from", "", "date")}
        {field("dueTo", "Due to", "", "date")}
        <label class="filter-field filter-priority">
          <span class="filter-label">Priority</span>
          <select
            value={filter.priority}
            onChange={(e) =>
              onChange({ ...filter, priority: (e.target as HTMLSelectElement).value })
            }
          >
            <option value="">any</option>
            {"ABCDE".split("").map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
            <option value="none">none</option>
          </select>
        </label>
      </div>
      {isFiltered(filter) && (
        <>
          <span class="filter-count" role="status">
            {props.shown} of {props.total} items
          </span>
          <button type="button" onClick={() => onChange(NO_FILTER)}>
            Clear filter
          </button>
        </>
      )}
    </search>
  );
}
