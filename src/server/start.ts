import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { DashboardOptions } from "./app.js";
import { createDashboardApp } from "./app.js";
import { watchDocket } from "./docket-watch.js";
import { findWebRoot } from "./static-files.js";

export interface StartOptions
  extends Omit<DashboardOptions, "token" | "port" | "watch" | "webRoot"> {
  /** 127.0.0.1 unless the user asks otherwise; the Host check still wants a loopback name. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  webRoot?: string;
}

export interface RunningDashboard {
  /** The page's address with the token: the only way in. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** A fresh token per start: 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString("base64url");
}

export async function startDashboard(options: StartOptions): Promise<RunningDashboard> {
  const host = options.host ?? "127.0.0.1";
  const token = newToken();
  const watch = await watchDocket(options.docketPath);
  let port = options.port ?? 0;
  const app = createDashboardApp({
    ...options,
    token,
    port: () => port,
    watch,
    warm: true,
    webRoot: options.webRoot ?? findWebRoot(),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    s.once("error", reject);
  });
  port = (server.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const hostPart = shown.includes(":") ? `[${shown}]` : shown;
  return {
    url: `http://${hostPart}:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        watch.close();
        // Open event streams would keep close() waiting for ever.
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
