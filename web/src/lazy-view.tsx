import type { ComponentType } from "preact";
import { useState } from "preact/hooks";

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
