import type { BoardDelta, BoardJson } from "../../src/server/board-delta.js";
import type { ItemJson } from "./api.js";

/**
 * The board the page holds: what the server last said (`base`), and the changes the user made
 * that the server has not answered yet (`pending`), drawn on top of it. A change shows at once;
 * the server's answer confirms it (its item replaces the guess) or refuses it (it is dropped,
 * and the board is the server's again). The live stream's deltas move `base` on, keeping every
 * unchanged item the same object, so a memoised card is not drawn again.
 */

export type { BoardDelta, BoardJson };

export interface DocketState {
  base: BoardJson;
  /** Only the first screen of each column is known yet: the counts are the server's. */
  partial?: { counts: Record<string, number> };
  pending: Pending[];
}

/**
 * A change the user made. Once the server answers, `answer` holds what it returned (the item as
 * stored, and for a completed recurring item its next occurrence in `added`), and the change
 * stays on top until the base shows it too: a delta computed before the write must not make the
 * card blink out and back.
 */
export type Pending = (
  | { kind: "add"; item: ItemJson }
  | { kind: "done"; id: string }
  | { kind: "remove"; id: string }
  | { kind: "recat"; id: string; category: string }
  | { kind: "edit"; id: string; text: string }
) & {
  key: number;
  answer?: { item: ItemJson | null; added: ItemJson[] };
  /** Base versions seen since the answer: a change the base never shows is let go after a few. */
  seen?: number;
};

/** Base versions an answered change waits for the base to show it. */
const SETTLE_VERSIONS = 3;

export function fromBoard(board: BoardJson & { partial?: DocketState["partial"] }): DocketState {
  const { partial, ...base } = board;
  return partial ? { base, partial, pending: [] } : { base, pending: [] };
}

/** A whole board from the server replaces the base; changes still unanswered stay on top. */
export function withBoard(state: DocketState, board: BoardJson): DocketState {
  return settled({ base: board, pending: state.pending }, board.version !== state.base.version);
}

/**
 * The state with a delta applied, or undefined when it does not fit (another version, an id
 * the order names that neither side has): then the page loads the whole board.
 */
export function withDelta(state: DocketState, delta: BoardDelta): DocketState | undefined {
  const base = state.base;
  if (delta.from !== base.version) return undefined;
  const byId = new Map<string, ItemJson>();
  for (const item of base.items) byId.set(item.id, item);
  for (const id of delta.removed) byId.delete(id);
  for (const item of delta.changed) byId.set(item.id, item);
  const items: ItemJson[] = [];
  for (const id of delta.order) {
    const item = byId.get(id);
    if (!item) return undefined;
    items.push(item);
  }
  let predicted = base.predicted;
  const moved = Object.entries(delta.predicted);
  if (moved.length > 0) {
    predicted = { ...predicted };
    for (const [id, category] of moved) {
      if (category === null) delete predicted[id];
      else predicted[id] = category;
    }
  }
  const next: BoardJson = {
    today: delta.today,
    version: delta.version,
    items,
    predicted,
    timers: delta.timers,
    now: delta.now,
    problems: delta.problems,
  };
  return settled({ ...state, base: next }, delta.version !== base.version);
}

export function withPending(state: DocketState, change: Pending): DocketState {
  return { ...state, pending: [...state.pending, change] };
}

/** The change refused: it no longer shows, and the card is the server's again. */
export function withoutPending(state: DocketState, key: number): DocketState {
  return { ...state, pending: state.pending.filter((p) => p.key !== key) };
}

/** The server's answer to a pending change: its item replaces the guess until the base has it. */
export function confirm(
  state: DocketState,
  key: number,
  item: ItemJson | null,
  added: ItemJson[] = [],
): DocketState {
  const pending = state.pending.map((p) =>
    p.key === key ? { ...p, answer: { item, added }, seen: 0 } : p,
  );
  return settled({ ...state, pending }, false);
}

/** Answered changes the base now shows (or never will) leave `pending`. */
function settled(state: DocketState, newVersion: boolean): DocketState {
  const ids = new Map(state.base.items.map((i) => [i.id, i]));
  const shows = (p: Pending): boolean => {
    const answer = p.answer;
    if (!answer) return false;
    if (answer.added.some((i) => ids.get(i.id)?.text !== i.text)) return false;
    if (p.kind === "done" || p.kind === "remove") return !ids.has(p.id);
    return answer.item === null || ids.get(answer.item.id)?.text === answer.item.text;
  };
  const pending: Pending[] = [];
  for (const p of state.pending) {
    if (shows(p)) continue;
    const seen = p.seen === undefined ? undefined : p.seen + (newVersion ? 1 : 0);
    if (seen !== undefined && seen >= SETTLE_VERSIONS) continue;
    pending.push(seen === p.seen ? p : { ...p, seen });
  }
  return pending.length === state.pending.length && pending.every((p, i) => p === state.pending[i])
    ? state
    : { ...state, pending };
}

/** The items to draw: the base with the pending changes over it. */
export function shownItems(state: DocketState): ItemJson[] {
  if (state.pending.length === 0) return state.base.items;
  const inBase = new Map(state.base.items.map((i) => [i.id, i]));
  const hidden = new Set<string>();
  const replaced = new Map<string, ItemJson>();
  const added: ItemJson[] = [];
  const find = (id: string) => replaced.get(id) ?? inBase.get(id) ?? added.find((i) => i.id === id);
  const show = (item: ItemJson) => {
    const there = inBase.get(item.id);
    // The base's own object when it already says the same: a memoised card stays as drawn.
    if (there) {
      if (there.text !== item.text) replaced.set(item.id, item);
    } else added.unshift(item);
  };
  for (const p of state.pending) {
    for (const extra of p.answer?.added ?? []) show(extra);
    if (p.kind === "add") show(p.answer?.item ?? p.item);
    else if (p.kind === "done" || p.kind === "remove") hidden.add(p.id);
    else if (p.answer?.item) show(p.answer.item);
    else {
      const item = find(p.id);
      if (!item) continue;
      const guess =
        p.kind === "recat"
          ? { ...item, category: p.category, categoryGuess: false }
          : { ...item, title: provisionalTitle(p.text) };
      if (inBase.has(p.id)) replaced.set(p.id, guess);
      else added[added.indexOf(item)] = guess;
    }
  }
  const out: ItemJson[] = [];
  for (const item of added) if (!hidden.has(item.id)) out.push(item);
  for (const item of state.base.items) {
    if (hidden.has(item.id)) continue;
    out.push(replaced.get(item.id) ?? item);
  }
  return out;
}

/** How many open items a column has: the server's count while only the first screen is here. */
export function columnCount(state: DocketState, column: string, shown: number): number {
  const count = state.partial?.counts[column];
  return count === undefined ? shown : Math.max(count, shown);
}

/** How many open items the board has: the server's count while only the first screen is here. */
export function columnTotal(state: DocketState, shown: number): number {
  if (!state.partial) return shown;
  const total = Object.values(state.partial.counts).reduce((a, b) => a + b, 0);
  return Math.max(total, shown);
}

/**
 * The card a typed add shows before the server has read it: the words as typed, in the column
 * the preview predicted (or its own `cat:`). The server's capture (dates, people, category)
 * replaces it.
 */
export function provisionalItem(
  tempId: string,
  text: string,
  category: string | null,
  today: string,
): ItemJson {
  return {
    id: tempId,
    line: 0,
    text,
    title: provisionalTitle(text),
    done: false,
    priority: null,
    completed: null,
    created: today,
    due: null,
    threshold: null,
    category: category ?? /(?:^|\s)cat:([a-z]+)(?:\s|$)/.exec(text)?.[1] ?? null,
    categoryGuess: category !== null,
    projects: [],
    contexts: [],
    tags: {},
    people: [],
    estimateMinutes: null,
    spentMinutes: null,
    recurrence: null,
    hidden: false,
    duplicateOf: null,
  };
}

/** A title from an item's text without the parser: tags, +projects and @contexts left out. */
export function provisionalTitle(text: string): string {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => !/^[+@]\S/.test(w) && !/^[A-Za-z][\w-]*:\S+$/.test(w));
  return words.join(" ") || text.trim();
}
