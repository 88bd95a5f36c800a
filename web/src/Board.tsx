import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { Api, FieldName, ItemJson, RunningTimer } from "./api.js";
import { Card, type CardEvents } from "./Card.js";
import { CardFields } from "./CardFields.js";
import { editableText } from "./format.js";
import { QuickAdd } from "./QuickAdd.js";
import { VirtualList } from "./VirtualList.js";

/**
 * The board: one column per category, open items in the server's order. Everything a card can
 * do has a key (see the `?` overlay); dragging a card to another column recategorises it.
 */

export interface BoardActions {
  /** `category` is the preview's, for the card drawn before the server answers; true once stored. */
  add(text: string, category: string | null): Promise<boolean>;
  done(item: ItemJson): Promise<void>;
  edit(item: ItemJson, text: string): Promise<void>;
  remove(item: ItemJson): Promise<void>;
  recat(item: ItemJson, category: Category): Promise<void>;
  /** One field, in the CLI's words (`due friday`, `tag +promo`); true when it was stored. */
  field(item: ItemJson, field: FieldName, value: string): Promise<boolean>;
  start(item: ItemJson): Promise<void>;
  stop(): Promise<void>;
}

interface BoardProps {
  api: Api;
  items: ItemJson[];
  predicted: Record<string, string>;
  today: string;
  actions: BoardActions;
  timers: RunningTimer[];
  /** Bumped by the `n` shortcut: focus the quick-add box. */
  addFocus: number;
  /** The card last added or changed: always shown, scrolled into view, without the focus. */
  freshId?: string;
  /** Whether that card is still marked as just changed. */
  highlighted?: boolean;
  /** A column's count of open items, where the board holds only its first cards so far. */
  count?: (column: string, shown: number) => number;
  /** Only the first screen is here yet (the rest of the board is on its way). */
  partial?: boolean;
}

type ColumnKey = Category | "none";
const ROW_HEIGHT = 78;
/** Cards a column shows at first and adds per "Show more" (the server's first screen too). */
export const SHOW_STEP = 40;
const DRAG_THRESHOLD = 6;

interface DragState {
  item: ItemJson;
  startX: number;
  startY: number;
  active: boolean;
}

export function Board(props: BoardProps) {
  const { items, today, actions } = props;
  const allColumns = useMemo(() => {
    const map = new Map<ColumnKey, ItemJson[]>();
    for (const c of CATEGORIES) map.set(c, []);
    map.set("none", []);
    for (const item of items) map.get(columnOf(item, props.predicted))?.push(item);
    return map;
  }, [items, props.predicted]);
  // Each column shows its top cards in `next` order, more on request; the card just added or
  // changed is shown wherever it ranks.
  const [limits, setLimits] = useState<Partial<Record<ColumnKey, number>>>({});
  const columns = useMemo(() => {
    const map = new Map<ColumnKey, ItemJson[]>();
    for (const [key, list] of allColumns) {
      const limit = limits[key] ?? SHOW_STEP;
      map.set(
        key,
        list.length <= limit
          ? list
          : list.filter((item, i) => i < limit || item.id === props.freshId),
      );
    }
    return map;
  }, [allColumns, limits, props.freshId]);
  const keys: ColumnKey[] = [...CATEGORIES];
  if ((allColumns.get("none") ?? []).length > 0) keys.push("none");

  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
  const [fieldsId, setFieldsId] = useState<string | undefined>(undefined);
  const fieldsItem = fieldsId === undefined ? undefined : items.find((i) => i.id === fieldsId);
  const timing = new Set(props.timers.map((t) => t.item.id));
  // A snoozed item leaves the board, and its fields with it.
  useEffect(() => {
    if (fieldsId !== undefined && fieldsItem === undefined) setFieldsId(undefined);
  }, [fieldsId, fieldsItem]);
  const [ghost, setGhost] = useState<{ item: ItemJson; x: number; y: number } | undefined>();
  const [over, setOver] = useState<ColumnKey | undefined>();
  const drag = useRef<DragState | undefined>(undefined);
  const boardRef = useRef<HTMLDivElement>(null);

  const where = (id: string | undefined): { col: number; row: number } | undefined => {
    if (id === undefined) return undefined;
    for (let col = 0; col < keys.length; col++) {
      const row = (columns.get(keys[col] as ColumnKey) ?? []).findIndex((i) => i.id === id);
      if (row >= 0) return { col, row };
    }
    return undefined;
  };
  const at = (col: number, row: number): ItemJson | undefined => {
    const list = columns.get(keys[col] as ColumnKey) ?? [];
    return list[Math.max(0, Math.min(row, list.length - 1))];
  };

  // The focused card may scroll out of the rendered rows and back: give it focus when it is drawn.
  useEffect(() => {
    if (focusId === undefined || editingId !== undefined) return;
    const el = boardRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(focusId)}"]`);
    if (el && document.activeElement !== el && boardRef.current?.contains(document.activeElement))
      el.focus({ preventScroll: true });
  });

  useEffect(() => {
    const move = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      if (!d.active) {
        if (Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < DRAG_THRESHOLD) return;
        d.active = true;
      }
      setGhost({ item: d.item, x: e.clientX, y: e.clientY });
      setOver(columnAt(e.clientX, e.clientY));
    };
    const up = (e: PointerEvent) => {
      const d = drag.current;
      drag.current = undefined;
      if (!d?.active) return;
      setGhost(undefined);
      setOver(undefined);
      const target = columnAt(e.clientX, e.clientY);
      // Dropping a predicted item on its own column confirms the guess, as `recat ID` does.
      if (target && target !== "none" && target !== (d.item.category ?? "none")) {
        setFocusId(d.item.id);
        void actions.recat(d.item, target);
      }
    };
    const cancel = () => {
      drag.current = undefined;
      setGhost(undefined);
      setOver(undefined);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cancel);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cancel);
    };
  }, [actions]);

  const onCardKey = (e: KeyboardEvent, item: ItemJson) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const pos = where(item.id);
    if (!pos) return;
    const go = (col: number, row: number) => {
      const next = at(col, row);
      if (next) setFocusId(next.id);
      e.preventDefault();
    };
    switch (e.key) {
      case "ArrowDown":
      case "j":
        return go(pos.col, pos.row + 1);
      case "ArrowUp":
      case "k":
        return go(pos.col, pos.row - 1);
      case "ArrowRight":
      case "l":
        for (let c = pos.col + 1; c < keys.length; c++)
          if ((columns.get(keys[c] as ColumnKey) ?? []).length) return go(c, pos.row);
        return;
      case "ArrowLeft":
      case "h":
        for (let c = pos.col - 1; c >= 0; c--)
          if ((columns.get(keys[c] as ColumnKey) ?? []).length) return go(c, pos.row);
        return;
      case "Home":
        return go(pos.col, 0);
      case "End":
        return go(pos.col, Number.MAX_SAFE_INTEGER);
      case "x":
      case " ": {
        e.preventDefault();
        const next = at(pos.col, pos.row + 1) ?? at(pos.col, pos.row - 1);
        setFocusId(next && next.id !== item.id ? next.id : undefined);
        void actions.done(item);
        return;
      }
      case "f":
        e.preventDefault();
        setFieldsId(item.id);
        return;
      case "t":
        e.preventDefault();
        void (timing.has(item.id) ? actions.stop() : actions.start(item));
        return;
      case "e":
      case "Enter":
        e.preventDefault();
        setEditingId(item.id);
        return;
      case "Delete":
      case "Backspace":
      case "#": {
        e.preventDefault();
        const next = at(pos.col, pos.row + 1) ?? at(pos.col, pos.row - 1);
        setFocusId(next && next.id !== item.id ? next.id : undefined);
        void actions.remove(item);
        return;
      }
      default: {
        const n = Number(e.key);
        if (Number.isInteger(n) && n >= 1 && n <= CATEGORIES.length) {
          e.preventDefault();
          void actions.recat(item, CATEGORIES[n - 1] as Category);
        }
      }
    }
  };

  const tabbable = focusId ?? items[0]?.id;

  // The cards' handlers read the board's latest state through this ref, so the one `events`
  // object never changes and a memoised card is not drawn again for a new closure.
  const latest = useRef({ onCardKey, timing, actions });
  latest.current = { onCardKey, timing, actions };
  const events: CardEvents = useMemo(
    () => ({
      focus: (item) => setFocusId(item.id),
      key: (e, item) => latest.current.onCardKey(e, item),
      pointerDown: (e, item) => {
        drag.current = { item, startX: e.clientX, startY: e.clientY, active: false };
      },
      done: (item) => void latest.current.actions.done(item),
      timer: (item, running) =>
        void (running ? latest.current.actions.stop() : latest.current.actions.start(item)),
      fields: (item) => setFieldsId(item.id),
      edit: (item) => setEditingId(item.id),
      save: (item, text) => {
        setEditingId(undefined);
        setFocusId(item.id);
        if (text !== editableText(item)) void latest.current.actions.edit(item, text);
        refocus(boardRef.current, item.id);
      },
      cancel: (item) => {
        setEditingId(undefined);
        refocus(boardRef.current, item.id);
      },
      remove: (item) => void latest.current.actions.remove(item),
    }),
    [],
  );

  const card = (item: ItemJson) => (
    <Card
      item={item}
      today={today}
      events={events}
      focused={item.id === focusId}
      fresh={props.highlighted === true && item.id === props.freshId}
      dragging={ghost?.item.id === item.id}
      editing={editingId === item.id}
      timing={timing.has(item.id)}
      tabbable={item.id === tabbable}
    />
  );

  return (
    <section
      class="board-view"
      aria-label="Board"
      aria-busy={props.partial ? "true" : undefined}
      data-partial={props.partial ? "true" : undefined}
    >
      <QuickAdd api={props.api} onAdd={actions.add} focusSignal={props.addFocus} />
      <div class="board" ref={boardRef}>
        {keys.map((key, index) => {
          const list = columns.get(key) ?? [];
          const all = allColumns.get(key)?.length ?? 0;
          const count = props.count ? props.count(key, all) : all;
          const more = Math.min(SHOW_STEP, count - list.length);
          const label = key === "none" ? "Unsorted" : CATEGORY_LABELS[key];
          const pos = where(focusId);
          const fresh = where(props.freshId);
          const reveal =
            fresh && fresh.col === index
              ? fresh.row
              : pos && pos.col === index
                ? pos.row
                : undefined;
          return (
            <section
              key={key}
              class={`column col-${key}${over === key ? " drop-target" : ""}`}
              data-column={key}
              aria-labelledby={`col-${key}`}
            >
              <header class="column-head">
                <h2 id={`col-${key}`}>
                  {key !== "none" && <kbd class="colkey">{index + 1}</kbd>}
                  {label}
                </h2>
                <span class="count">
                  {count}
                  <span class="visually-hidden"> open</span>
                </span>
              </header>
              <VirtualList
                items={list}
                rowHeight={ROW_HEIGHT}
                label={`${label} items`}
                revealIndex={reveal}
                renderRow={(item) => card(item)}
                rowKey={(item) => item.id}
                empty={<p class="empty">Nothing open. Drag a card here or add one.</p>}
              />
              {more > 0 && (
                <button
                  type="button"
                  class="show-more"
                  aria-label={`Show ${more} more in ${label}`}
                  onClick={() =>
                    setLimits((l) => ({ ...l, [key]: (l[key] ?? SHOW_STEP) + SHOW_STEP }))
                  }
                >
                  Show {more} more
                  <span class="show-more-left"> of {count - list.length}</span>
                </button>
              )}
            </section>
          );
        })}
      </div>
      {fieldsItem && (
        <CardFields
          item={fieldsItem}
          onChange={(field, value) => actions.field(fieldsItem, field, value)}
          onClose={() => {
            setFieldsId(undefined);
            refocus(boardRef.current, fieldsItem.id);
          }}
        />
      )}
      {ghost && (
        <div
          class="drag-ghost"
          aria-hidden="true"
          style={{ transform: `translate(${ghost.x + 8}px, ${ghost.y + 8}px)` }}
        >
          {ghost.item.title}
        </div>
      )}
    </section>
  );
}

function columnOf(item: ItemJson, predicted: Record<string, string>): ColumnKey {
  return ((item.category ?? predicted[item.id]) as Category | undefined) ?? "none";
}

function columnAt(x: number, y: number): ColumnKey | undefined {
  const el = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-column]");
  return (el?.dataset.column as ColumnKey | undefined) ?? undefined;
}

function refocus(board: HTMLElement | null, id: string): void {
  requestAnimationFrame(() =>
    board
      ?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true }),
  );
}
