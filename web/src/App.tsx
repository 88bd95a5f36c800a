import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Api, takeToken } from "./api.js";
import { Board } from "./Board.js";
import { DocketProblems } from "./DocketProblems.js";
import { columnCount, columnTotal } from "./docket-state.js";
import { FilterBar } from "./FilterBar.js";
import {
  type BoardFilter,
  filterFromQuery,
  isFiltered,
  matchesFilter,
  queryWithFilter,
} from "./filter.js";
import { Help } from "./Help.js";
import { hashView } from "./hash.js";
import { lazyView } from "./lazy-view.js";
import { minutesText } from "./report.js";
import { type Notice, useDocket } from "./use-docket.js";

// Views beyond the board load their code on first use, or when the page is idle.
const Balance = lazyView(() => import("./Balance.js").then((m) => m.Balance));
const Review = lazyView(() => import("./Review.js").then((m) => m.Review));
const Plan = lazyView(() => import("./Plan.js").then((m) => m.Plan));
const Roi = lazyView(() => import("./Roi.js").then((m) => m.Roi));
const Time = lazyView(() => import("./Time.js").then((m) => m.Time));
const Team = lazyView(() => import("./Team.js").then((m) => m.Team));
const Deck = lazyView(() => import("./Deck.js").then((m) => m.Deck));
const PersonPage = lazyView(() => import("./PersonPage.js").then((m) => m.PersonPage));
const History = lazyView(() => import("./History.js").then((m) => m.History));
const SelfAssessment = lazyView(() => import("./SelfAssessment.js").then((m) => m.SelfAssessment));
const Health = lazyView(() => import("./Health.js").then((m) => m.Health));
const LAZY_VIEWS = [
  Balance,
  Review,
  Plan,
  Roi,
  Time,
  Team,
  Deck,
  PersonPage,
  History,
  SelfAssessment,
  Health,
];

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
  | "assess"
  | "health";
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
  { key: "health", label: "Health", shortcut: "h" },
];

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
  const docket = useDocket(api, setNotice);
  const { actions, takeUp, freshId } = docket;
  const data = docket.state?.base;
  const loadError = docket.loadError;
  const live = docket.live;
  const state = docket.state;
  const countOf = useCallback(
    (column: string, shown: number) => (state ? columnCount(state, column, shown) : shown),
    [state],
  );
  // Once the whole board is here, the other views' code loads while the page is idle.
  const drawn = data !== undefined && state?.partial === undefined;
  useEffect(() => {
    if (!drawn) return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => {
      for (const v of LAZY_VIEWS) void v.preload();
    });
  }, [drawn]);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const undo = useCallback(() => {
    const u = latestNotice.current?.undo;
    if (!u) return;
    setNotice(undefined);
    docket.undo(u);
  }, [docket.undo, setNotice]);

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
    () =>
      isFiltered(filter)
        ? docket.items.filter((i) => i.id === freshId || matchesFilter(i, filter))
        : docket.items,
    [docket.items, filter, freshId],
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
        {data && view === "health" && <Health api={api} version={data.version} />}
        {data && (
          // The board stays mounted under the other views (after them, so a view's own
          // content comes first): going back to it shows it again instead of drawing it anew.
          <div class="board-kept" hidden={view !== "board"}>
            <FilterBar
              filter={filter}
              onChange={setFilter}
              shown={shownItems.length}
              total={state ? columnTotal(state, docket.items.length) : 0}
            />
            <Board
              api={api}
              items={shownItems}
              predicted={data.predicted}
              today={data.today}
              actions={actions}
              timers={data.timers}
              addFocus={addFocus}
              freshId={freshId}
              highlighted={docket.highlighted}
              count={countOf}
              partial={state?.partial !== undefined}
            />
          </div>
        )}
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
