import { Component } from "preact";
import "./board-extras.css";
import { useEffect, useRef } from "preact/hooks";
import type { ItemJson } from "./api.js";
import { editableText, friendlyDate } from "./format.js";
import { minutesText } from "./report.js";

/**
 * One card on the board. It is drawn again only when its own props change (the item object, its
 * focus, its marks): the board's state keeps an unchanged item the same object across deltas, so
 * a change to one item redraws one card, not a column of thousands.
 */

/** What a card asks the board to do; one object for the board's life, so it never differs. */
export interface CardEvents {
  focus(item: ItemJson): void;
  key(e: KeyboardEvent, item: ItemJson): void;
  pointerDown(e: PointerEvent, item: ItemJson): void;
  done(item: ItemJson): void;
  timer(item: ItemJson, running: boolean): void;
  fields(item: ItemJson): void;
  edit(item: ItemJson): void;
  save(item: ItemJson, text: string): void;
  cancel(item: ItemJson): void;
  remove(item: ItemJson): void;
}

export interface CardProps {
  item: ItemJson;
  today: string;
  events: CardEvents;
  focused: boolean;
  /** Just added or changed: marked (class and words) for a few seconds. */
  fresh: boolean;
  dragging: boolean;
  editing: boolean;
  timing: boolean;
  tabbable: boolean;
}

export class Card extends Component<CardProps> {
  override shouldComponentUpdate(next: CardProps): boolean {
    const p = this.props;
    return (
      p.item !== next.item ||
      p.today !== next.today ||
      p.events !== next.events ||
      p.focused !== next.focused ||
      p.fresh !== next.fresh ||
      p.dragging !== next.dragging ||
      p.editing !== next.editing ||
      p.timing !== next.timing ||
      p.tabbable !== next.tabbable
    );
  }

  override render() {
    const { item, today, events, editing, timing } = this.props;
    const overdue = item.due !== null && item.due < today;
    return (
      <article
        class={`card${this.props.focused ? " focused" : ""}${this.props.fresh ? " fresh" : ""}${this.props.dragging ? " dragging" : ""}`}
        data-id={item.id}
        data-fresh={this.props.fresh ? "true" : undefined}
        tabIndex={this.props.tabbable ? 0 : -1}
        aria-label={`${item.title}${item.priority ? `, priority ${item.priority}` : ""}${item.due ? `, due ${friendlyDate(item.due, today)}` : ""}${this.props.fresh ? ", just changed" : ""}`}
        onFocus={() => events.focus(item)}
        onKeyDown={(e) => {
          if (!editing && e.target === e.currentTarget) events.key(e, item);
        }}
        onPointerDown={(e) => {
          if (e.button !== 0 || editing) return;
          if ((e.target as HTMLElement).closest("button, input")) return;
          events.pointerDown(e, item);
        }}
      >
        <button
          type="button"
          class="check"
          tabIndex={-1}
          aria-label={`Complete: ${item.title}`}
          title="Complete (x)"
          onClick={() => events.done(item)}
        />
        {editing ? (
          <EditBox
            item={item}
            onSave={(text) => events.save(item, text)}
            onCancel={() => events.cancel(item)}
          />
        ) : (
          <div class="card-body">
            <div class="title-row">
              {item.priority && <PriorityBadge priority={item.priority} />}
              <div class="title">{item.title}</div>
            </div>
            <div class="meta">
              {this.props.fresh && <span class="fresh-mark">just changed</span>}
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
              {item.spentMinutes !== null && (
                <span class="spent" title="time spent">
                  {minutesText(item.spentMinutes)}
                </span>
              )}
              {timing && (
                <span class="timing" title="a timer is running on this item">
                  ● timing
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
              class={timing ? "timer-button on" : "timer-button"}
              aria-label={`${timing ? "Stop timer" : "Start timer"}: ${item.title}`}
              title={timing ? "Stop the timer (t)" : "Start a timer (t)"}
              onClick={() => events.timer(item, timing)}
            >
              {timing ? "■" : "▶"}
            </button>
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Fields: ${item.title}`}
              title="Due, priority, snooze, time, tags (f)"
              onClick={() => events.fields(item)}
            >
              ⋯
            </button>
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Edit: ${item.title}`}
              title="Edit (e)"
              onClick={() => events.edit(item)}
            >
              ✎
            </button>
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Delete: ${item.title}`}
              title="Delete (Del)"
              onClick={() => events.remove(item)}
            >
              ×
            </button>
          </div>
        )}
      </article>
    );
  }
}

/** (A)…(E) and beyond as todo.txt writes them, coloured by urgency, read out as words. */
export function PriorityBadge(props: { priority: string }) {
  const p = props.priority;
  const level = p <= "A" ? "a" : p <= "B" ? "b" : p <= "C" ? "c" : "low";
  return (
    <span class={`pri pri-${level}`} title={`priority ${p}`}>
      <span aria-hidden="true">({p})</span>
      <span class="visually-hidden">priority {p}</span>
    </span>
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
