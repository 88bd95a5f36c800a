import type { FieldName } from "../../src/core/docket/fields.js";
import type { ItemJson } from "../../src/core/docket/item-json.js";
import type { BoardDelta, BoardJson } from "../../src/server/board-delta.js";

/**
 * The page's only way to the docket: the server's JSON routes, with the token from the URL
 * `ppppt serve` printed. The token is kept for this tab and taken out of the address bar, so a
 * shared screen or a copied link does not give it away.
 */

export type { ItemJson };

const TOKEN_KEY = "ppppt-token";

export function takeToken(): string | undefined {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get("token");
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete("token");
    const rest = params.toString();
    history.replaceState(null, "", `${location.pathname}${rest ? `?${rest}` : ""}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export class ApiError extends Error {
  readonly status: number;
  readonly hint: string | undefined;
  constructor(status: number, message: string, hint?: string) {
    super(message);
    this.status = status;
    this.hint = hint;
  }
}

export interface Inference {
  field: "due" | "category";
  value: string;
  from: string;
}

export interface RunningTimer {
  item: ItemJson;
  /** The start, a UTC timestamp as the `timer:` tag holds it. */
  since: string;
}

export interface StoppedTimer {
  item: ItemJson;
  since: string;
  addedMinutes: number;
}

/** What `ppppt due|pri|snooze|tag|untag|log` change; the value is in the CLI's words. */
export type { FieldName };

/** Every open item in `ppppt next` order, the timers, the problems (src/server/board-delta.ts). */
export type ItemsResponse = BoardJson;

export interface Preview {
  stored: string;
  inferred: Inference[];
  category: string | null;
  unsure: boolean;
  reason: string | null;
}

export class Api {
  readonly token: string;
  constructor(token: string) {
    this.token = token;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as { error?: string; hint?: string };
    if (!res.ok) throw new ApiError(res.status, json.error ?? res.statusText, json.hint);
    return json as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>("GET", path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>("POST", path, body);
  }

  items(): Promise<ItemsResponse> {
    return this.call("GET", "/api/items");
  }

  /** What changed since `version`; a 409 ApiError when the server no longer knows it. */
  changes(version: string): Promise<BoardDelta> {
    return this.call("GET", `/api/items/changes?since=${encodeURIComponent(version)}`);
  }

  preview(text: string): Promise<Preview> {
    return this.call("POST", "/api/classify", { text });
  }

  add(text: string, verbatim = false): Promise<{ item: ItemJson; inferred: Inference[] }> {
    return this.call("POST", "/api/items", { text, verbatim });
  }

  done(
    id: string,
  ): Promise<{ done: ItemJson; next: ItemJson | null; stopped: StoppedTimer | null }> {
    return this.call("POST", `/api/items/${encodeURIComponent(id)}/done`, {});
  }

  undo(id: string): Promise<{ item: ItemJson; removed: ItemJson | null }> {
    return this.call("POST", `/api/items/${encodeURIComponent(id)}/undo`, {});
  }

  /** `text` is the body as the edit box showed it (see editableText): what was deleted goes. */
  edit(id: string, text: string): Promise<{ item: ItemJson }> {
    return this.call("PATCH", `/api/items/${encodeURIComponent(id)}`, { text, mode: "wording" });
  }

  remove(id: string): Promise<{ removed: ItemJson }> {
    return this.call("DELETE", `/api/items/${encodeURIComponent(id)}`);
  }

  recat(id: string, category: string): Promise<{ item: ItemJson }> {
    return this.call("POST", `/api/items/${encodeURIComponent(id)}/recat`, { category });
  }

  field(id: string, field: FieldName, value: string): Promise<{ item: ItemJson; said: string }> {
    return this.call("POST", `/api/items/${encodeURIComponent(id)}/field`, { field, value });
  }

  start(
    id: string,
  ): Promise<{ started: ItemJson; already: boolean; since: string; stopped: StoppedTimer[] }> {
    return this.call("POST", `/api/items/${encodeURIComponent(id)}/start`, {});
  }

  stop(): Promise<{ stopped: StoppedTimer[] }> {
    return this.call("POST", "/api/timer/stop", {});
  }

  takeUp(practice: string): Promise<{ added: ItemJson[] }> {
    return this.call("POST", `/api/plan/${encodeURIComponent(practice)}`, {});
  }

  /** Calls `onChange(version)` whenever the docket changes on disk, whoever changed it. */
  watch(onChange: (version: string) => void, onState: (live: boolean) => void): () => void {
    const source = new EventSource(`/api/events?token=${encodeURIComponent(this.token)}`);
    source.addEventListener("docket", (event) => {
      const { version } = JSON.parse((event as MessageEvent<string>).data) as { version: string };
      onChange(version);
    });
    source.addEventListener("open", () => onState(true));
    source.addEventListener("error", () => onState(false));
    return () => source.close();
  }
}
