import type { ComponentChildren, ComponentType } from "preact";
import { useRef, useState } from "preact/hooks";

/**
 * A view that stays mounted once visited, hidden while another is shown: going back to it is a
 * matter of showing it again, not of fetching and drawing it again. A hidden view keeps the
 * docket version it last showed, so it does not fetch reports nobody is looking at; shown again,
 * it fetches once if the docket moved on (showing what it had meanwhile).
 */
export function KeptView(props: {
  name: string;
  current: boolean;
  version: string;
  children: (version: string) => ComponentChildren;
}) {
  const visited = useRef(false);
  const version = useRef(props.version);
  if (props.current) {
    visited.current = true;
    version.current = props.version;
  }
  if (!visited.current) return null;
  return (
    <div class="view" data-view={props.name} hidden={!props.current}>
      {props.children(version.current)}
    </div>
  );
}

/** A view's code loaded on first use (or on `preload`), so the first screen's bundle is small. */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () => {
    loading ??= load().then((c) => {
      loaded = c;
    });
    return loading;
  };
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    if (!loaded) {
      void preload().then(() => setReady(true));
      return <p class="loading">Loading…</p>;
    }
    const View = loaded;
    return <View {...props} />;
  }
  Lazy.preload = preload;
  return Lazy;
}
