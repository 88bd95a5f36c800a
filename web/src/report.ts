import { useEffect, useState } from "preact/hooks";
import type { Api } from "./api.js";

/** The category colours, as in styles.css, for the charts (canvas cannot read CSS variables). */
export const CATEGORY_COLOURS = {
  people: "#9d174d",
  product: "#1d4ed8",
  process: "#047857",
  public: "#9a3412",
  tech: "#6d28d9",
} as const;

export interface Report<T> {
  data: T | undefined;
  error: string | undefined;
}

/**
 * Reports the page has fetched, by route, with the docket version they were fetched for: going
 * back to a view draws what it showed at once, and fetches again only if the docket moved on.
 */
const fetched = new Map<string, { version: string; data: unknown }>();

/** Fetches a report route, again whenever the docket's version changes. */
export function useReport<T>(api: Api, path: string, version: string): Report<T> {
  const [state, setState] = useState<Report<T>>(() => ({
    data: fetched.get(path)?.data as T | undefined,
    error: undefined,
  }));
  useEffect(() => {
    const known = fetched.get(path);
    if (known?.version === version) {
      setState((s) => (s.data === known.data ? s : { data: known.data as T, error: undefined }));
      return;
    }
    let stale = false;
    api.get<T>(path).then(
      (data) => {
        fetched.set(path, { version, data });
        if (!stale) setState({ data, error: undefined });
      },
      (error: Error) => {
        if (!stale) setState((s) => ({ data: s.data, error: error.message }));
      },
    );
    return () => {
      stale = true;
    };
  }, [api, path, version]);
  return state;
}

export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, "0")}m`;
}
