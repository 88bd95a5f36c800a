import type { ComponentChildren } from "preact";

/**
 * A view's heading row: the title (its id labels the view's section), a muted summary once
 * there is one, then whatever controls the view puts beside them.
 */
export function ViewHead(props: {
  id: string;
  title: ComponentChildren;
  summary?: ComponentChildren;
  children?: ComponentChildren;
}) {
  return (
    <div class="view-head">
      <h2 id={props.id}>{props.title}</h2>
      {props.summary && <span class="muted">{props.summary}</span>}
      {props.children}
    </div>
  );
}

/** Why a view's report could not be fetched, read out at once; nothing while there is none. */
export function ViewError(props: { error: string | undefined }) {
  if (!props.error) return null;
  return (
    <p class="error" role="alert">
      {props.error}
    </p>
  );
}
