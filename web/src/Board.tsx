import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { Api, ItemJson } from "./api.js";
import { editableText, friendlyDate } from "./format.js";
import { QuickAdd } from "./QuickAdd.js";
import { VirtualList } from "./VirtualList.js";

/**
 * The board: one column per category, open items in the server's order. Everything a card can
 * do has a key (see the `?` overlay); dragging a card to another column recategorises it.
 */

export interface BoardActions {
  add(text: string): Promise<void>;
  done(item: ItemJson): Promise<void>;
  edit(item: ItemJson, text: string): Promise<void>;
  remove(item: ItemJson): Promise<void>;
  recat(item: ItemJson, category: Category): Promise<void>;
}

interface BoardProps {
  api: Api;
  items: ItemJson[];
  predicted: Record<string, string>;
  today: string;
  actions: BoardActions;
  /** Bumped by the `n` shortcut: focus the quick-add box. */
  addFocus: number;
  /** A card just added: scrolled into view and marked, without taking the focus. */
  freshId?: string;
}

type ColumnKey = Category | "none";
const ROW_HEIGHT = 78;
const DRAG_THRESHOLD = 6;

interface DragState {
  item: ItemJson;
  startX: number;
  startY: number;
  active: boolean;
}

export function Board(props: BoardProps) {
  const { items, today, actions } = props;
  const columns = useMemo(() => {
    const map = new Map<ColumnKey, ItemJson[]>();
    for (const c of CATEGORIES) map.set(c, []);
    map.set("none", []);
    for (const item of items) map.get(columnOf(item, props.predicted))?.push(item);
    return map;
  }, [items, props.predicted]);
  const keys: ColumnKey[] = [...CATEGORIES];
  if ((columns.get("none") ?? []).length > 0) keys.push("none");

  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [editingId, setEditingId] = useState<string | undefined>(undefined);
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

  const card = (item: ItemJson) => {
    const overdue = item.due !== null && item.due < today;
    const editing = editingId === item.id;
    return (
      <article
        class={`card${item.id === focusId ? " focused" : ""}${item.id === props.freshId ? " fresh" : ""}${ghost?.item.id === item.id ? " dragging" : ""}`}
        data-id={item.id}
        tabIndex={item.id === tabbable ? 0 : -1}
        aria-label={`${item.title}${item.due ? `, due ${friendlyDate(item.due, today)}` : ""}`}
        onFocus={() => setFocusId(item.id)}
        onKeyDown={(e) => {
          if (!editing && e.target === e.currentTarget) onCardKey(e, item);
        }}
        onPointerDown={(e) => {
          if (e.button !== 0 || editing) return;
          if ((e.target as HTMLElement).closest("button, input")) return;
          drag.current = { item, startX: e.clientX, startY: e.clientY, active: false };
        }}
      >
        <button
          type="button"
          class="check"
          tabIndex={-1}
          aria-label={`Complete: ${item.title}`}
          title="Complete (x)"
          onClick={() => void actions.done(item)}
        />
        {editing ? (
          <EditBox
            item={item}
            onSave={async (text) => {
              setEditingId(undefined);
              setFocusId(item.id);
              if (text !== editableText(item)) await actions.edit(item, text);
              refocus(boardRef.current, item.id);
            }}
            onCancel={() => {
              setEditingId(undefined);
              refocus(boardRef.current, item.id);
            }}
          />
        ) : (
          <div class="card-body">
            <div class="title">{item.title}</div>
            <div class="meta">
              {item.priority && <span class="pri">({item.priority})</span>}
              {item.due && (
                <span class={overdue ? "due overdue" : "due"}>
                  {overdue ? "overdue " : "due "}
                  {friendlyDate(item.due, today)}
                </span>
              )}
              {(item.categoryGuess || item.category === null) && (
                <span class="guess" title="A guess: press its column's number to confirm">
                  guess
                </span>
              )}
              {item.duplicateOf !== null && (
                <span
                  class="duplicate"
                  title={`id:${item.tags.id} is already used on line ${item.duplicateOf}: \`ppppt check --fix\` gives this item its own`}
                >
                  same id as line {item.duplicateOf}
                </span>
              )}
              {item.recurrence && (
                <span class="rec" title={`repeats every ${item.recurrence}`}>
                  ↻ {item.recurrence}
                </span>
              )}
              <span class="id">{item.id}</span>
            </div>
          </div>
        )}
        {!editing && (
          <div class="card-tools">
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Edit: ${item.title}`}
              title="Edit (e)"
              onClick={() => setEditingId(item.id)}
            >
              ✎
            </button>
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Delete: ${item.title}`}
              title="Delete (Del)"
              onClick={() => void actions.remove(item)}
            >
              ×
            </button>
          </div>
        )}
      </article>
    );
  };

  return (
    <section class="board-view" aria-label="Board">
      <QuickAdd api={props.api} onAdd={actions.add} focusSignal={props.addFocus} />
      <div class="board" ref={boardRef}>
        {keys.map((key, index) => {
          const list = columns.get(key) ?? [];
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
                  {list.length}
                  <span class="visually-hidden"> open</span>
                </span>
              </header>
              <VirtualList
                items={list}
                rowHeight={ROW_HEIGHT}
                label={`${label} items`}
                revealIndex={reveal}
                renderRow={(item) => card(item)}
                empty={<p class="empty">Nothing open. Drag a card here or add one.</p>}
              />
            </section>
          );
        })}
      </div>
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

function EditBox(props: { item: ItemJson; onSave: (text: string) => void; onCancel: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      class="edit"
      onSubmit={(e) => {
        e.preventDefault();
        const text = input.current?.value.trim() ?? "";
        if (text) props.onSave(text);
      }}
    >
      <input
        ref={input}
        aria-label={`Edit the text of: ${props.item.title}`}
        defaultValue={editableText(props.item)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            props.onCancel();
          }
        }}
        onBlur={() => props.onCancel()}
      />
    </form>
  );
}
