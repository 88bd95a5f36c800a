import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import { plural } from "../../src/core/wording.js";
import { type Api, ApiError, type ItemJson, type StoppedTimer } from "./api.js";
import type { BoardActions } from "./Board.js";
import {
  type BoardJson,
  confirm,
  type DocketState,
  fromBoard,
  type Pending,
  provisionalItem,
  shownItems,
  withBoard,
  withDelta,
  withoutPending,
  withPending,
} from "./docket-state.js";
import { editableText } from "./format.js";
import { minutesText } from "./report.js";

/**
 * The page's docket: the first screen the server put in the page, the whole board fetched
 * after it, the live stream's deltas, and the user's changes drawn at once and confirmed or
 * rolled back when the server answers (docket-state.ts holds the rules; this is the wiring).
 */

export interface Notice {
  text: string;
  kind: "info" | "error";
  undo?: () => Promise<unknown>;
}

/** How long a just added or changed card is marked on the board. */
export const HIGHLIGHT_MS = 4000;

export interface Docket {
  state: DocketState | undefined;
  /** The board's items with the pending changes drawn in. */
  items: ItemJson[];
  loadError: string | undefined;
  live: boolean;
  actions: BoardActions;
  takeUp: (practice: string) => void;
  undo: (u: () => Promise<unknown>) => void;
  /** The item last added or changed: shown whatever the filter or "show more" would hide. */
  freshId: string | undefined;
  /** Whether that item is still marked. */
  highlighted: boolean;
}

const FIRST_SCREEN_ID = "ppppt-first-screen";
/** How long the first screen is left alone before the rest of the board is fetched. */
const SETTLE_MS = 250;

/** The first screen the server put in the page (only when the page's URL had the token). */
function firstScreen(): DocketState | undefined {
  const block = document.getElementById(FIRST_SCREEN_ID);
  if (!block?.textContent) return undefined;
  try {
    return fromBoard(JSON.parse(block.textContent));
  } catch {
    return undefined;
  } finally {
    // A reload must not show this version again as if it were current.
    block.remove();
  }
}

export function useDocket(api: Api, setNotice: (n: Notice | undefined) => void): Docket {
  const stateRef = useRef<DocketState | undefined>(undefined);
  const [state, setState] = useState<DocketState | undefined>(() => {
    stateRef.current = firstScreen();
    return stateRef.current;
  });
  const update = useCallback((fn: (s: DocketState) => DocketState) => {
    const s = stateRef.current;
    if (!s) return;
    stateRef.current = fn(s);
    setState(stateRef.current);
  }, []);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [live, setLive] = useState(false);
  const [fresh, setFresh] = useState<{ id: string; until: number } | undefined>();
  const [now, setNow] = useState(0);
  const seq = useRef(0);
  const loading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const againForced = useRef(false);
  const announced = useRef("");

  const mark = useCallback((id: string) => {
    setFresh({ id, until: Date.now() + HIGHLIGHT_MS });
    setTimeout(() => setNow(Date.now()), HIGHLIGHT_MS + 20);
  }, []);

  const full = useCallback(async () => {
    const board: BoardJson = await api.items();
    if (stateRef.current) update((s) => withBoard(s, board));
    else {
      stateRef.current = fromBoard(board);
      setState(stateRef.current);
    }
  }, [api, update]);

  /** Brings the board up to the server's version: a delta when it can, else the whole board. */
  const sync = useCallback(
    async (force = false) => {
      if (loading.current) {
        again.current = true;
        againForced.current ||= force;
        return loading.current;
      }
      loading.current = (async () => {
        let forced = force;
        do {
          again.current = false;
          try {
            const s = stateRef.current;
            if (!s || s.partial) await full();
            // After our own write the stream's word may not be here yet: ask anyway.
            else if (forced || announced.current !== s.base.version) {
              try {
                const delta = await api.changes(s.base.version);
                const current = stateRef.current as DocketState;
                const next = withDelta(current, delta);
                if (next) {
                  stateRef.current = next;
                  setState(next);
                } else await full();
              } catch (error) {
                if (error instanceof ApiError && error.status === 409) await full();
                else throw error;
              }
            }
            setLoadError(undefined);
          } catch (error) {
            setLoadError(describe(error));
          }
          forced = againForced.current;
          againForced.current = false;
        } while (again.current && (forced || announced.current !== stateRef.current?.base.version));
        loading.current = undefined;
      })();
      return loading.current;
    },
    [api, full],
  );

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const start = () => {
      if (cancelled) return;
      void sync();
      stop = api.watch(
        (v) => {
          announced.current = v;
          if (v !== stateRef.current?.base.version) void sync();
        },
        (isLive) => {
          setLive(isLive);
          // After a reconnect, changes may have been missed.
          if (isLive) void sync();
        },
      );
    };
    // The first screen came with the page: it is painted, and the page left a moment to settle,
    // before the whole board is fetched, whose parsing would otherwise hold the first frames
    // back (4 MB of JSON at 10,000 items).
    if (stateRef.current?.partial) {
      const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 0));
      setTimeout(() => idle(start, { timeout: 1000 }), SETTLE_MS);
    } else start();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [api, sync]);

  /**
   * Draws `change` at once, then sends it; the server's answer confirms it, a refusal takes
   * it back and says why.
   */
  const optimistic = useCallback(
    async <T>(
      change: (key: number) => Pending,
      send: () => Promise<T>,
      answered: (r: T) => { item: ItemJson | null; added?: ItemJson[]; notice: Notice },
      refused: string,
    ): Promise<T | undefined> => {
      const key = ++seq.current;
      update((s) => withPending(s, change(key)));
      try {
        const r = await send();
        const a = answered(r);
        update((s) => confirm(s, key, a.item, a.added));
        setNotice(a.notice);
        void sync(true);
        return r;
      } catch (error) {
        update((s) => withoutPending(s, key));
        setNotice({ text: `${refused}: ${describe(error)}`, kind: "error" });
        void sync(true);
        return undefined;
      }
    },
    [update, sync, setNotice],
  );

  const run = useCallback(
    async (work: () => Promise<Notice | undefined>) => {
      try {
        const n = await work();
        if (n) setNotice(n);
      } catch (error) {
        setNotice({ text: describe(error), kind: "error" });
      }
      void sync(true);
    },
    [sync, setNotice],
  );

  const actions: BoardActions = useMemo(
    () => ({
      add: async (text, category) => {
        let temp = "";
        const r = await optimistic(
          (key) => {
            temp = `pending-${key}`;
            mark(temp);
            const today = stateRef.current?.base.today ?? "";
            return { kind: "add", key, item: provisionalItem(temp, text, category, today) };
          },
          () => api.add(text),
          (r) => {
            const cat = r.item.category
              ? CATEGORY_LABELS[r.item.category as Category]
              : "no category";
            return {
              item: r.item,
              notice: {
                text: `Added to ${cat}${r.item.categoryGuess ? " (a guess)" : ""}: ${r.item.title}`,
                kind: "info",
              },
            };
          },
          `Not added (${text})`,
        );
        if (r) mark(r.item.id);
        return r !== undefined;
      },
      done: async (item) => {
        await optimistic(
          (key) => ({ kind: "done", key, id: item.id }),
          () => api.done(item.id),
          (r) => ({
            item: null,
            added: r.next ? [r.next] : [],
            notice: {
              text: r.stopped
                ? `Done: ${item.title}. ${stoppedText(r.stopped)}`
                : `Done: ${item.title}`,
              kind: "info",
              // The server takes the next occurrence out with the completion (one operation).
              undo: () => api.undo(item.id),
            },
          }),
          `Not completed (${item.title})`,
        );
      },
      edit: async (item, text) => {
        mark(item.id);
        const before = editableText(item);
        await optimistic(
          (key) => ({ kind: "edit", key, id: item.id, text }),
          () => api.edit(item.id, text),
          (r) => ({
            item: r.item,
            notice: {
              text: `Edited: ${r.item.title}`,
              kind: "info",
              undo: () => api.edit(item.id, before),
            },
          }),
          `Not edited (${item.title})`,
        );
      },
      remove: async (item) => {
        await optimistic(
          (key) => ({ kind: "remove", key, id: item.id }),
          () => api.remove(item.id),
          (r) => ({
            item: null,
            notice: {
              text: `Deleted: ${item.title}`,
              kind: "info",
              undo: () => api.add(r.removed.text, true),
            },
          }),
          `Not deleted (${item.title})`,
        );
      },
      recat: async (item, category) => {
        mark(item.id);
        const from = item.category;
        await optimistic(
          (key) => ({ kind: "recat", key, id: item.id, category }),
          () => api.recat(item.id, category),
          (r) => ({
            item: r.item,
            notice: {
              text: `${r.item.title} → ${CATEGORY_LABELS[category]}`,
              kind: "info",
              undo: from && from !== category ? () => api.recat(item.id, from) : undefined,
            },
          }),
          `Not moved (${item.title})`,
        );
      },
      field: async (item, field, value) => {
        try {
          const r = await api.field(item.id, field, value);
          // A new due date or priority moves the card, a snooze hides it: the delta says where.
          mark(item.id);
          setNotice({ text: r.said, kind: "info" });
          await sync(true);
          return true;
        } catch (error) {
          setNotice({ text: describe(error), kind: "error" });
          return false;
        }
      },
      start: (item) =>
        run(async () => {
          const r = await api.start(item.id);
          const before = r.stopped.map(stoppedText);
          const now = r.already ? `Already timing: ${item.title}` : `Timing: ${item.title}`;
          return { text: [...before, now].join(". "), kind: "info" };
        }),
      stop: () =>
        run(async () => {
          const r = await api.stop();
          return { text: r.stopped.map(stoppedText).join(". "), kind: "info" };
        }),
    }),
    [api, optimistic, run, mark, sync, setNotice],
  );

  const takeUp = useCallback(
    (id: string) =>
      void run(async () => {
        const r = await api.takeUp(id);
        return {
          text: `Took up ${id}: ${plural(r.added.length, "item")} added to the board`,
          kind: "info",
        };
      }),
    [api, run],
  );

  const undo = useCallback(
    (u: () => Promise<unknown>) =>
      void run(async () => {
        await u();
        return { text: "Undone.", kind: "info" };
      }),
    [run],
  );

  const items = useMemo(() => (state ? shownItems(state) : []), [state]);
  // A provisional card's id gives way to the stored one's; the mark follows it.
  const freshId = fresh?.id;
  const highlighted = fresh !== undefined && now >= 0 && fresh.until > Date.now();
  return { state, items, loadError, live, actions, takeUp, undo, freshId, highlighted };
}

export function stoppedText(s: StoppedTimer): string {
  return s.addedMinutes === 0
    ? `Stopped the timer on ${s.item.title}: under a minute, nothing added`
    : `Stopped the timer on ${s.item.title}: added ${minutesText(s.addedMinutes)}`;
}

export function describe(error: unknown): string {
  if (error instanceof ApiError)
    return error.hint ? `${error.message}. ${error.hint}` : error.message;
  return `Cannot reach ppppt serve: ${(error as Error).message}. Is it still running?`;
}
