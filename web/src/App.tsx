import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import { plural } from "../../src/core/wording.js";
import {
  Api,
  ApiError,
  type ItemJson,
  type ItemsResponse,
  type StoppedTimer,
  takeToken,
} from "./api.js";
import { Balance } from "./Balance.js";
import { Board, type BoardActions } from "./Board.js";
import { Deck } from "./Deck.js";
import { DocketProblems } from "./DocketProblems.js";
import { FilterBar } from "./FilterBar.js";
import { type BoardFilter, filterFromQuery, matchesFilter, queryWithFilter } from "./filter.js";
import { editableText } from "./format.js";
import { Help } from "./Help.js";
import { History } from "./History.js";
import { hashView } from "./hash.js";
import { PersonPage } from "./PersonPage.js";
import { Plan } from "./Plan.js";
import { Review } from "./Review.js";
import { Roi } from "./Roi.js";
import { minutesText } from "./report.js";
import { SelfAssessment } from "./SelfAssessment.js";
import { Team } from "./Team.js";
import { Time } from "./Time.js";

type ViewKey =
  | "board"
  | "balance"
  | "review"
  | "plan"
  | "roi"
  | "time"
  | "team"
  | "deck"
  | "person"
  | "history"
  | "assess";
const VIEWS: Array<{ key: ViewKey; label: string; shortcut: string }> = [
  { key: "board", label: "Board", shortcut: "b" },
  { key: "balance", label: "Balance", shortcut: "m" },
  { key: "review", label: "Review", shortcut: "r" },
  { key: "plan", label: "Plan", shortcut: "p" },
  { key: "roi", label: "ROI", shortcut: "o" },
  { key: "time", label: "Time", shortcut: "t" },
  { key: "team", label: "Team", shortcut: "e" },
  { key: "deck", label: "Deck", shortcut: "d" },
  { key: "person", label: "People", shortcut: "w" },
  { key: "history", label: "Done", shortcut: "l" },
  { key: "assess", label: "Assess", shortcut: "s" },
];

interface Notice {
  text: string;
  kind: "info" | "error";
  undo?: () => Promise<unknown>;
}

export function App() {
  const token = useMemo(() => takeToken(), []);
  if (!token) {
    return (
      <main class="no-token">
        <h1>ppppt</h1>
        <p>
          This page needs the address <code>ppppt serve</code> printed, with its token. Run it again
          and open the URL it shows.
        </p>
      </main>
    );
  }
  return <Dashboard api={new Api(token)} />;
}

function viewFromHash(): ViewKey {
  // "#person/dana.k": the view, then what it shows (hash.ts).
  const key = hashView(location.hash).view;
  return VIEWS.some((v) => v.key === key) ? (key as ViewKey) : "board";
}

function Dashboard(props: { api: Api }) {
  const api = useMemo(() => props.api, [props.api.token]);
  const [data, setData] = useState<ItemsResponse | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [live, setLive] = useState(false);
  const [view, setView] = useState<ViewKey>(viewFromHash);
  const [help, setHelp] = useState(false);
  const [notice, setNoticeState] = useState<Notice | undefined>();
  // The undo key reads the latest notice from here: a key pressed between an action's end and
  // the next render must undo that action, not the one before it.
  const latestNotice = useRef<Notice | undefined>(undefined);
  const setNotice = useCallback((n: Notice | undefined) => {
    latestNotice.current = n;
    setNoticeState(n);
  }, []);
  const [filter, setFilterState] = useState<BoardFilter>(() => filterFromQuery(location.search));
  // Replaced, not pushed: typing in the bar should not fill the back button's history.
  const setFilter = useCallback((f: BoardFilter) => {
    setFilterState(f);
    history.replaceState(
      null,
      "",
      `${location.pathname}${queryWithFilter(location.search, f)}${location.hash}`,
    );
  }, []);
  const [addFocus, setAddFocus] = useState(0);
  const [freshId, setFreshId] = useState<string | undefined>();
  const version = useRef("");
  const loading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const announced = useRef("");

  // One load at a time; changes arriving meanwhile cause exactly one more.
  const load = useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return loading.current;
    }
    loading.current = (async () => {
      do {
        again.current = false;
        try {
          const r = await api.items();
          version.current = r.version;
          setData(r);
          setLoadError(undefined);
        } catch (error) {
          setLoadError(describe(error));
        }
        // A change announced while we were loading may be the one we just got.
      } while (again.current && announced.current !== version.current);
      loading.current = undefined;
    })();
    return loading.current;
  }, [api]);

  useEffect(() => {
    void load();
    return api.watch(
      (v) => {
        announced.current = v;
        if (v !== version.current) void load();
      },
      (isLive) => {
        setLive(isLive);
        // After a reconnect, changes may have been missed.
        if (isLive) void load();
      },
    );
  }, [api, load]);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const patch = useCallback((change: (items: ItemJson[]) => ItemJson[]) => {
    setData((d) => (d ? { ...d, items: change(d.items) } : d));
  }, []);

  const run = useCallback(
    async (work: () => Promise<Notice | undefined>) => {
      try {
        const n = await work();
        if (n) setNotice(n);
      } catch (error) {
        setNotice({ text: describe(error), kind: "error" });
        void load();
      }
    },
    [load, setNotice],
  );

  const actions: BoardActions = useMemo(
    () => ({
      add: (text) =>
        run(async () => {
          const r = await api.add(text);
          // Reloaded rather than patched in: the new card appears once, in its final place.
          await load();
          setFreshId(r.item.id);
          const cat = r.item.category
            ? CATEGORY_LABELS[r.item.category as Category]
            : "no category";
          return {
            text: `Added to ${cat}${r.item.categoryGuess ? " (a guess)" : ""}: ${r.item.title}`,
            kind: "info",
          };
        }),
      done: (item) =>
        run(async () => {
          const r = await api.done(item.id);
          patch((items) => {
            const rest = items.filter((i) => i.id !== item.id);
            return r.next ? [...rest, r.next] : rest;
          });
          // Its timer stopped with it: the header must stop showing it now, not on the next event.
          if (r.stopped) await load();
          return {
            text: r.stopped
              ? `Done: ${item.title}. ${stoppedText(r.stopped)}`
              : `Done: ${item.title}`,
            kind: "info",
            // The server takes the next occurrence out with the completion (one core operation).
            undo: () => api.undo(item.id),
          };
        }),
      edit: (item, text) =>
        run(async () => {
          const r = await api.edit(item.id, text);
          patch((items) => items.map((i) => (i.id === item.id ? r.item : i)));
          const before = editableText(item);
          return {
            text: `Edited: ${r.item.title}`,
            kind: "info",
            undo: () => api.edit(item.id, before),
          };
        }),
      remove: (item) =>
        run(async () => {
          const r = await api.remove(item.id);
          patch((items) => items.filter((i) => i.id !== item.id));
          return {
            text: `Deleted: ${item.title}`,
            kind: "info",
            undo: () => api.add(r.removed.text, true),
          };
        }),
      recat: (item, category) =>
        run(async () => {
          const r = await api.recat(item.id, category);
          patch((items) => items.map((i) => (i.id === item.id ? r.item : i)));
          const from = item.category;
          return {
            text: `${r.item.title} → ${CATEGORY_LABELS[category]}`,
            kind: "info",
            undo: from && from !== category ? () => api.recat(item.id, from) : undefined,
          };
        }),
      field: async (item, field, value) => {
        try {
          const r = await api.field(item.id, field, value);
          patch((items) => items.map((i) => (i.id === item.id ? r.item : i)));
          // Reloaded too: a new due date or priority moves the card, a snooze hides it.
          await load();
          setNotice({ text: r.said, kind: "info" });
          return true;
        } catch (error) {
          setNotice({ text: describe(error), kind: "error" });
          return false;
        }
      },
      start: (item) =>
        run(async () => {
          const r = await api.start(item.id);
          await load();
          const before = r.stopped.map(stoppedText);
          const now = r.already ? `Already timing: ${item.title}` : `Timing: ${item.title}`;
          return { text: [...before, now].join(". "), kind: "info" };
        }),
      stop: () =>
        run(async () => {
          const r = await api.stop();
          await load();
          return { text: r.stopped.map(stoppedText).join(". "), kind: "info" };
        }),
    }),
    [api, patch, run, load, setNotice],
  );

  const takeUp = useCallback(
    (id: string) =>
      void run(async () => {
        const r = await api.takeUp(id);
        await load();
        return {
          text: `Took up ${id}: ${plural(r.added.length, "item")} added to the board`,
          kind: "info",
        };
      }),
    [api, run, load],
  );

  const undo = useCallback(() => {
    const u = latestNotice.current?.undo;
    if (!u) return;
    setNotice(undefined);
    void run(async () => {
      await u();
      await load();
      return { text: "Undone.", kind: "info" };
    });
  }, [run, load, setNotice]);

  // Page-wide keys; a key typed into a text box is the user's, not ours.
  const pendingG = useRef(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]")) return;
      if (help) return;
      if (pendingG.current) {
        pendingG.current = false;
        const v = VIEWS.find((x) => x.shortcut === e.key);
        if (v) {
          e.preventDefault();
          location.hash = v.key;
        }
        return;
      }
      if (e.key === "?") {
        e.preventDefault();
        setHelp(true);
      } else if (e.key === "n" || e.key === "/") {
        e.preventDefault();
        location.hash = "board";
        setAddFocus((n) => n + 1);
      } else if (e.key === "u") {
        e.preventDefault();
        undo();
      } else if (e.key === "g") {
        pendingG.current = true;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [help, undo]);

  useEffect(() => {
    if (!notice || notice.kind === "error") return;
    const timer = setTimeout(() => setNotice(undefined), 8000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);

  // A just added or changed item stays on the board even when the filter would hide it.
  const shownItems = useMemo(
    () => (data ? data.items.filter((i) => i.id === freshId || matchesFilter(i, filter)) : []),
    [data, filter, freshId],
  );

  return (
    <div class="app">
      <header class="top">
        <h1 class="brand">
          ppppt <span class="brand-sub">the leadership docket</span>
        </h1>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a
              key={v.key}
              href={`#${v.key}`}
              aria-current={view === v.key ? "page" : undefined}
              class={view === v.key ? "current" : ""}
            >
              {v.label}
            </a>
          ))}
        </nav>
        <div class="status">
          {data?.timers[0] && (
            <TimerBadge
              title={data.timers[0].item.title}
              since={data.timers[0].since}
              serverNow={data.now}
              onStop={actions.stop}
            />
          )}
          {data && <span class="today">Today {data.today}</span>}
          <span
            class={live ? "live on" : "live off"}
            title={live ? "Changes anywhere show here at once" : "Reconnecting…"}
          >
            {live ? "live" : "offline"}
          </span>
          <button type="button" class="help-button" onClick={() => setHelp(true)}>
            <span aria-hidden="true">?</span>
            <span class="visually-hidden">Keyboard shortcuts</span>
          </button>
        </div>
      </header>
      <main>
        {loadError && (
          <p class="error" role="alert">
            {loadError}
          </p>
        )}
        {!data && !loadError && <p class="loading">Loading the docket…</p>}
        {data?.problems && <DocketProblems problems={data.problems} />}
        {data && view === "board" && (
          <FilterBar
            filter={filter}
            onChange={setFilter}
            shown={shownItems.length}
            total={data.items.length}
          />
        )}
        {data && view === "board" && (
          <Board
            api={api}
            items={shownItems}
            predicted={data.predicted}
            today={data.today}
            actions={actions}
            timers={data.timers}
            addFocus={addFocus}
            freshId={freshId}
          />
        )}
        {data && view === "balance" && <Balance api={api} version={data.version} />}
        {data && view === "review" && <Review api={api} version={data.version} onTakeUp={takeUp} />}
        {data && view === "plan" && <Plan api={api} version={data.version} onTakeUp={takeUp} />}
        {data && view === "roi" && <Roi api={api} version={data.version} />}
        {data && view === "time" && <Time api={api} version={data.version} />}
        {data && view === "team" && <Team api={api} version={data.version} />}
        {data && view === "deck" && <Deck api={api} version={data.version} />}
        {data && view === "person" && (
          <PersonPage api={api} version={data.version} today={data.today} />
        )}
        {data && view === "history" && (
          <History api={api} version={data.version} today={data.today} />
        )}
        {data && view === "assess" && <SelfAssessment api={api} version={data.version} />}
      </main>
      <div class="notice-area" aria-live="polite">
        {notice && (
          <div class={`notice ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" onClick={undo}>
                Undo (u)
              </button>
            )}
            <button type="button" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
              ×
            </button>
          </div>
        )}
      </div>
      {help && <Help onClose={() => setHelp(false)} />}
    </div>
  );
}

function stoppedText(s: StoppedTimer): string {
  return s.addedMinutes === 0
    ? `Stopped the timer on ${s.item.title}: under a minute, nothing added`
    : `Stopped the timer on ${s.item.title}: added ${minutesText(s.addedMinutes)}`;
}

/** The running timer in the header: what is being timed, for how long, and a stop button. */
function TimerBadge(props: {
  title: string;
  since: string;
  serverNow: string;
  onStop: () => Promise<void>;
}) {
  // Counted on the server's clock (the one `stop` uses), moved on by the page's own ticks.
  const loaded = useMemo(() => Date.now(), [props.serverNow]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(tick);
  }, []);
  const elapsed = Date.parse(props.serverNow) - Date.parse(props.since) + (now - loaded);
  const minutes = Math.max(0, Math.floor(elapsed / 60_000));
  return (
    <span class="timer-badge" data-testid="running-timer">
      <span class="timer-dot" aria-hidden="true" />
      <span class="timer-title">{props.title}</span>{" "}
      <span class="timer-elapsed">{minutesText(minutes)}</span>
      <button type="button" onClick={() => void props.onStop()}>
        Stop timer
      </button>
    </span>
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError)
    return error.hint ? `${error.message}. ${error.hint}` : error.message;
  return `Cannot reach ppppt serve: ${(error as Error).message}. Is it still running?`;
}
