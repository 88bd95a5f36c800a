import { useMemo, useState } from "preact/hooks";
import { plural } from "../../src/core/wording.js";
import type { Api, ItemJson } from "./api.js";
import { friendlyDate } from "./format.js";
import { hashFor, useHashParam } from "./hash.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

/** One entry of GET /api/people: everyone known, with what is open about them. */
export interface KnownPerson {
  handle: string;
  name?: string;
  first: string;
  open: number;
  waiting: number;
}

/** `ppppt person NAME --json`'s shape (docs/people.md). */
interface PersonReport {
  person: { handle: string; name?: string };
  nextOneOnOne: ItemJson | null;
  lastOneOnOne: ItemJson | null;
  waiting: ItemJson[];
  open: ItemJson[];
  done: ItemJson[];
}

/**
 * `#person` lists everyone ppppt knows (the config's people, then every `with:` handle) to pick
 * from; `#person/NAME` is everything about one of them, as `ppppt person NAME` prints it.
 */
export function PersonPage(props: { api: Api; version: string; today: string }) {
  const name = useHashParam();
  return name === "" ? (
    <PeoplePicker api={props.api} version={props.version} />
  ) : (
    // Keyed by name: the last person's report never shows while the next one loads.
    <PersonReportView key={name} {...props} name={name} />
  );
}

function PeoplePicker(props: { api: Api; version: string; query?: string }) {
  const { data, error } = useReport<{ people: KnownPerson[] }>(
    props.api,
    "/api/people",
    props.version,
  );
  const [query, setQuery] = useState(props.query ?? "");
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const people = data?.people ?? [];
    if (q === "") return people;
    return people.filter(
      (p) => p.handle.includes(q) || (p.name?.toLowerCase().includes(q) ?? false),
    );
  }, [data, query]);
  return (
    <section class="view" aria-labelledby="people-title">
      <ViewHead
        id="people-title"
        title="People"
        summary={data && <>{plural(data.people.length, "person", "people")} known</>}
      />
      <ViewError error={error} />
      <form
        class="people-find"
        onSubmit={(e) => {
          e.preventDefault();
          const only = shown.length === 1 ? shown[0]?.handle : undefined;
          const q = only ?? query.trim();
          if (q !== "") location.hash = hashFor("person", q);
        }}
      >
        <label>
          Find a person{" "}
          <input
            type="search"
            value={query}
            placeholder="dana, dana.k, Dana Kim"
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
      </form>
      {data && data.people.length === 0 && (
        <p>
          Nobody yet: list people under <code>people:</code> in the config, or tag an item{" "}
          <code>with:NAME</code> (docs/people.md).
        </p>
      )}
      <ul class="people-list" aria-label="People">
        {shown.map((p) => (
          <li key={p.handle}>
            <a href={hashFor("person", p.handle)}>
              {p.name ? `${p.name} (${p.handle})` : p.handle}
            </a>{" "}
            <span class="muted">
              {plural(p.open, "open item")}
              {p.waiting > 0 && `, waiting on them for ${p.waiting}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonReportView(props: { api: Api; version: string; today: string; name: string }) {
  const path = `/api/person/${encodeURIComponent(props.name)}`;
  const { data, error } = useReport<PersonReport>(props.api, path, props.version);
  if (error) {
    return (
      <>
        <section class="view" aria-labelledby="person-title">
          <h2 id="person-title">{props.name}</h2>
          <ViewError error={error} />
          <p>
            <a href={hashFor("person")}>All people</a>
          </p>
        </section>
        <PeoplePicker api={props.api} version={props.version} query={firstWord(props.name)} />
      </>
    );
  }
  if (!data) return <p class="loading">Loading {props.name}…</p>;
  const r = data;
  const who = r.person.name
    ? `${r.person.name} (with:${r.person.handle})`
    : `with:${r.person.handle}`;
  const today = props.today;
  return (
    <section class="view person-page" aria-labelledby="person-title">
      <ViewHead id="person-title" title={who}>
        <a href={hashFor("person")}>All people</a>
        <a href={`?person=${encodeURIComponent(r.person.handle)}#board`}>
          Their items on the board
        </a>
      </ViewHead>
      <div class="panels">
        <div class="panel">
          <h3>1:1s</h3>
          <dl class="person-one-on-ones">
            <dt>Next 1:1</dt>
            <dd data-testid="next-one-on-one">
              {r.nextOneOnOne ? itemText(r.nextOneOnOne, today) : "none planned"}
            </dd>
            <dt>Last 1:1</dt>
            <dd data-testid="last-one-on-one">
              {r.lastOneOnOne ? itemText(r.lastOneOnOne, today) : "none done"}
            </dd>
          </dl>
        </div>
        <PersonSection
          title="Waiting on them for"
          items={r.waiting}
          empty="nothing (@waiting with:NAME marks it)"
          today={today}
        />
      </div>
      <div class="panels">
        <PersonSection title="Open" items={r.open} empty="nothing open" today={today} />
        <PersonSection title="Done" items={r.done} empty="nothing done yet" today={today} />
      </div>
    </section>
  );
}

function PersonSection(props: { title: string; items: ItemJson[]; empty: string; today: string }) {
  return (
    <section class="panel" aria-label={props.title}>
      <h3>
        {props.title} ({props.items.length})
      </h3>
      {props.items.length === 0 ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <ul>
          {props.items.map((i) => (
            <li key={`${i.id}-${i.line}`} data-id={i.id}>
              {itemText(i, props.today)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function itemText(i: ItemJson, today: string) {
  return (
    <>
      {i.priority && <span class="pri">({i.priority}) </span>}
      {i.title}
      {i.done && i.completed && (
        <span class="muted"> · done {friendlyDate(i.completed, today)}</span>
      )}
      {!i.done && i.due && <span class="muted"> · due {friendlyDate(i.due, today)}</span>}
    </>
  );
}

function firstWord(name: string): string {
  return name.trim().split(/[\s.]/)[0] ?? "";
}
