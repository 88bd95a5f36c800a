import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

/**
 * A list that renders only the rows in view (plus a few either side), so a column of 10,000
 * items costs what a column of 20 does. Rows have one fixed height: the card clamps its text.
 */

export interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  /** Keep this row in view (the focused card). */
  revealIndex?: number;
  label: string;
  className?: string;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** A row's key, so a row inserted above keeps the others' elements (and their cards). */
  rowKey?: (item: T) => string;
  empty?: ComponentChildren;
}

const OVERSCAN = 6;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, revealIndex } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || revealIndex === undefined || revealIndex < 0) return;
    const top = revealIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight;
  }, [revealIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li
        key={props.rowKey ? props.rowKey(items[i] as T) : i}
        class="vrow"
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` }}
      >
        {props.renderRow(items[i] as T, i)}
      </li>,
    );
  }
  return (
    <div
      ref={box}
      class={`vlist ${props.className ?? ""}`}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      {items.length === 0 ? (
        props.empty
      ) : (
        <ul
          class="vspace"
          aria-label={props.label}
          style={{ height: `${items.length * rowHeight}px` }}
        >
          {rows}
        </ul>
      )}
    </div>
  );
}
