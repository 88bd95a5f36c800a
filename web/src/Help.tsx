import { useLayoutEffect, useRef } from "preact/hooks";

export const SHORTCUTS: Array<[string, string]> = [
  ["n  or  /", "focus the add box"],
  ["↑ ↓ ← →  or  h j k l", "move between cards and columns"],
  ["x  or  Space", "complete the card"],
  ["e  or  Enter", "edit the card (Enter saves, Esc cancels)"],
  ["Delete", "delete the card"],
  ["t", "start (or stop) a timer on the card"],
  ["f", "the card's fields: due date, priority, snooze, time spent, tags"],
  ["1 – 5", "move the card to People, Product, Process, Public, Tech (confirms a guess)"],
  ["u", "undo the last complete, edit, delete or move"],
  ["g then b / m / r / p", "go to the board, balance, review, plan"],
  ["g then o", "go to the ROI check"],
  ["g then t", "go to where the time goes (the calendar)"],
  ["g then e", "go to the Team view"],
  ["g then d", "go to the deck (outline and .pptx download)"],
  ["g then w", "go to the people, and from there one person's page"],
  ["g then l", "go to what was done, week by week"],
  ["g then s", "go to the self-assessment"],
  ["g then h", "go to engineering health (SLOs, flaky tests, bugs)"],
  ["?", "show or hide this help"],
  ["Esc", "close this help"],
];

/** The `?` overlay: every shortcut the page knows. */
export function Help(props: { onClose: () => void }) {
  const { onClose } = props;
  const close = useRef<HTMLButtonElement>(null);
  // Before paint, as in CardFields: a `?` or Escape pressed the moment the overlay shows must
  // find the listener already there, or the overlay stays open.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" || e.key === "?") {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div class="overlay">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <dl class="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p>Drag a card to another column to recategorise it; ppppt learns from the move.</p>
        <button type="button" ref={close} onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
