import { useEffect, useRef } from "preact/hooks";
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
  const logInput = useRef<HTMLInputElement>(null);
  const tagInput = useRef<HTMLInputElement>(null);
  // The latest onClose, so a re-render after each change does not move the focus again.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
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
        <div class="field-row">
          <label for="field-due">Due date</label>
          <input
            id="field-due"
            type="date"
            value={item.due ?? ""}
            onChange={(e) => void onChange("due", e.currentTarget.value || "none")}
          />
          {item.due && (
            <button type="button" onClick={() => void onChange("due", "none")}>
              No due date
            </button>
          )}
        </div>
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
        <div class="field-row">
          <label for="field-snooze">Snooze until</label>
          <input
            id="field-snooze"
            type="date"
            value={item.threshold ?? ""}
            onChange={(e) => void onChange("snooze", e.currentTarget.value || "none")}
          />
        </div>
        <form
          class="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            const value = logInput.current?.value.trim() ?? "";
            if (value === "") return;
            void onChange("spent", value).then((stored) => {
              if (stored && logInput.current) logInput.current.value = "";
            });
          }}
        >
          <label for="field-log">Log time</label>
          <input id="field-log" ref={logInput} placeholder="30m, 1h30m, -15m" size={10} />
          <button type="submit">Log</button>
          <span class="spent" data-testid="spent">
            spent {minutesText(item.spentMinutes ?? 0)}
            {item.estimateMinutes !== null && ` of ${minutesText(item.estimateMinutes)} estimated`}
          </span>
        </form>
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
        <form
          class="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            const value = tagInput.current?.value.trim() ?? "";
            if (value === "") return;
            void onChange("tag", value).then((stored) => {
              if (stored && tagInput.current) tagInput.current.value = "";
            });
          }}
        >
          <label for="field-tag">Add a tag</label>
          <input id="field-tag" ref={tagInput} placeholder="+project, @context or key:value" />
          <button type="submit">Add</button>
        </form>
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
