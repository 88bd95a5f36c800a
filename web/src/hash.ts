import { useEffect, useState } from "preact/hooks";

/**
 * A view's address is its key in the hash, then what it shows after a slash:
 * `#person/dana.k`, `#history/2026-11-16`. The view key picks the view (App.tsx); the rest is
 * the view's own, read here so a link, a reload or the back button shows the same page.
 */
export function hashView(hash: string): { view: string; param: string } {
  const body = hash.replace(/^#/, "");
  const slash = body.indexOf("/");
  if (slash < 0) return { view: body, param: "" };
  return { view: body.slice(0, slash), param: safeDecode(body.slice(slash + 1)) };
}

export function hashFor(view: string, param = ""): string {
  return param === "" ? `#${view}` : `#${view}/${encodeURIComponent(param)}`;
}

/** The part of the hash after the view's key, kept current as the hash changes. */
export function useHashParam(): string {
  const [param, setParam] = useState(() => hashView(location.hash).param);
  useEffect(() => {
    const onHash = () => setParam(hashView(location.hash).param);
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return param;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A hand-typed "%" that is not an escape: take the text as it is.
    return text;
  }
}
