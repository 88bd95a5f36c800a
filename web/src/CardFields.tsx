import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import type { FieldName, ItemJson } from "./api.js";
import { minutesText } from "./report.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

/** Tags the card's fields show elsewhere, or that are the item's address and category. */
const SHOWN_ELSEWHERE = new Set(["id", "cat", "due", "t", "spent", "pri", "timer"]);

/**
 * A card's fields, one control each: due date, priority, snooze, time spent, tags. Each
 * change is one call to the field route, which runs the same core change as the CLI's
 * `due`, `pri`, `snooze`, `log`, `tag` and `untag`; the raw line is never opened.
 */
export function CardFields(props: {
  item: ItemJson;
  /** Resolves true when the change was stored (false: the page shows why not). */
  onChange: (field: FieldName, value: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { item, onChange, onClose } = props;
  const dialog = useRef<HTMLDivElement>(null);
  // The latest onClose, so a re-render after each change does not move the focus again.
  const close = useRef(onClose);
  close.current = onClose;

  // A layout effect, not a plain one: a plain effect runs after the browser paints, so an
  // Escape pressed as soon as the dialog shows (a quick user, a busy machine) found no listener
  // yet and left the dialog open.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>("input, select, button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, []);

  const tags = [
    ...item.projects.map((p) => `+${p}`),
    ...item.contexts.map((c) => `@${c}`),
    ...Object.entries(item.tags)
      .filter(([key]) => !SHOWN_ELSEWHERE.has(key))
      .map(([key, value]) => `${key}:${value}`),
  ];

  return (
    <div
      class="overlay"
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        class="dialog fields"
        role="dialog"
        aria-modal="true"
        aria-labelledby="fields-title"
        ref={dialog}
      >
        <h2 id="fields-title">{item.title}</h2>
        <DateRow label="Due date" field="due" value={item.due} onChange={onChange}>
          {item.due && (
            <button type="button" onClick={() => void onChange("due", "none")}>
              No due date
            </button>
          )}
        </DateRow>
        <div class="field-row">
          <label for="field-priority">Priority</label>
          <select
            id="field-priority"
            value={item.priority ?? "none"}
            onChange={(e) => void onChange("priority", e.currentTarget.value)}
          >
            <option value="none">none</option>
            {LETTERS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <DateRow label="Snooze until" field="snooze" value={item.threshold} onChange={onChange} />
        <WordForm
          id="field-log"
          label="Log time"
          placeholder="30m, 1h30m, -15m"
          button="Log"
          onSubmit={(value) => onChange("spent", value)}
        >
          <span class="spent" data-testid="spent">
            spent {minutesText(item.spentMinutes ?? 0)}
            {item.estimateMinutes !== null && ` of ${minutesText(item.estimateMinutes)} estimated`}
          </span>
        </WordForm>
        <div class="field-row">
          <span class="field-label">Tags</span>
          <ul class="tags" aria-label="Tags">
            {tags.length === 0 && <li class="empty">none</li>}
            {tags.map((tag) => (
              <li key={tag}>
                <span>{tag}</span>
                <button
                  type="button"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => void onChange("untag", untagWord(tag))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
        <WordForm
          id="field-tag"
          label="Add a tag"
          placeholder="+project, @context or key:value"
          button="Add"
          onSubmit={(value) => onChange("tag", value)}
        />
        <button type="button" class="close" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** `untag` takes a key, not key:value; a project or context as it is. */
function untagWord(tag: string): string {
  return tag.startsWith("+") || tag.startsWith("@") ? tag : (tag.split(":")[0] as string);
}

/** A labelled box and a button; the box empties once the value is stored, not on a refusal. */
function WordForm(props: {
  id: string;
  label: string;
  placeholder: string;
  button: string;
  onSubmit: (value: string) => Promise<boolean>;
  children?: ComponentChildren;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      class="field-row"
      onSubmit={(e) => {
        e.preventDefault();
        const value = input.current?.value.trim() ?? "";
        if (value === "") return;
        void props.onSubmit(value).then((stored) => {
          // Only what was sent: a value typed meanwhile is the user's next one.
          if (stored && input.current?.value.trim() === value) input.current.value = "";
        });
      }}
    >
      <label for={props.id}>{props.label}</label>
      <input id={props.id} ref={input} placeholder={props.placeholder} />
      <button type="submit">{props.button}</button>
      {props.children}
    </form>
  );
}

/** A date picker for a date field; clearing the picker clears the field ("none"). */
function DateRow(props: {
  label: string;
  field: "due" | "snooze";
  value: string | null;
  onChange: (field: FieldName, value: string) => Promise<boolean>;
  children?: ComponentChildren;
}) {
  const id = `field-${props.field}`;
  return (
    <div class="field-row">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value ?? ""}
        onChange={(e) => void props.onChange(props.field, e.currentTarget.value || "none")}
      />
      {props.children}
    </div>
  );
}
