import { useEffect, useRef, useState } from "preact/hooks";
import { CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { Api, Preview } from "./api.js";

/** The capture box: type as you would to `ppppt add`; the category shows while you type. */
export function QuickAdd(props: {
  api: Api;
  /** Draws the card at once; false when the server refused it (the text comes back). */
  onAdd: (text: string, category: string | null) => Promise<boolean>;
  focusSignal: number;
}) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<(Preview & { text: string }) | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const asked = useRef(0);

  useEffect(() => {
    if (props.focusSignal > 0) input.current?.focus();
  }, [props.focusSignal]);

  useEffect(() => {
    const words = text.trim();
    if (words === "") {
      setPreview(undefined);
      return;
    }
    const ticket = ++asked.current;
    const timer = setTimeout(async () => {
      try {
        const p = await props.api.preview(words);
        if (ticket === asked.current) setPreview({ ...p, text: words });
      } catch {
        // The preview is a courtesy; the add itself reports any error.
      }
    }, 90);
    return () => clearTimeout(timer);
  }, [text, props.api]);

  // The box empties at once, ready for the next item; a refused add puts its words back
  // unless something new was typed meanwhile.
  const submit = async () => {
    const words = text.trim();
    if (words === "") return;
    const category = preview?.text === words ? preview.category : null;
    setText("");
    setPreview(undefined);
    input.current?.focus();
    const stored = await props.onAdd(words, category);
    if (!stored && input.current && input.current.value === "") setText(words);
  };

  const category = preview?.category as Category | null | undefined;
  const due = preview?.inferred.find((i) => i.field === "due");
  return (
    <form
      class="quick-add"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for="quick-add-input" class="visually-hidden">
        Add an item
      </label>
      <input
        id="quick-add-input"
        ref={input}
        value={text}
        autocomplete="off"
        placeholder="Add an item: “1:1 with Dana about the promo packet friday”   (n)"
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setText("");
            (e.currentTarget as HTMLInputElement).blur();
          }
        }}
      />
      <output class="prediction" aria-live="polite" data-testid="prediction">
        {category ? (
          <span
            class={`chip col-${category}`}
            title={preview?.reason ? `Predicted from ${preview.reason}` : undefined}
          >
            {CATEGORY_LABELS[category]}
            {preview?.unsure ? "?" : ""}
          </span>
        ) : preview ? (
          <span class="chip none">no category yet</span>
        ) : null}
        {due && <span class="chip due-chip">due {due.value}</span>}
      </output>
      <button type="submit" disabled={text.trim() === ""}>
        Add
      </button>
    </form>
  );
}
