import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";

/**
 * The dashboard shows the names of the people a leader manages, so a page on another site must
 * not be able to read or change it, even though the server listens on the leader's own machine:
 * - every API call carries the token printed at start (a web page elsewhere cannot know it);
 * - the Host header must name our loopback address, or a hostile domain re-pointed at
 *   127.0.0.1 (DNS rebinding) would count as same-origin in the browser;
 * - a write must come from our own origin (or from no browser at all: no Origin header);
 * - the Content-Security-Policy allows only our own scripts, so even a bug that rendered item
 *   text as markup could not run it.
 */

export interface GuardOptions {
  token: string;
  /** The port the server listens on; read per request since it is known only after listen. */
  port: () => number;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** Security headers on every response, the page and the API alike. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Cross-Origin-Resource-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  };
}

/** Refuses requests addressed to any host but ours (DNS rebinding), page and API alike. */
export function hostGuard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    if (!allowedHosts(options.port()).includes(host)) {
      return c.json(
        { error: `refused: requests must be addressed to 127.0.0.1 or localhost` },
        403,
      );
    }
    await next();
  };
}

/** The API's own rules: the token, and same-origin writes. */
export function apiGuard(options: GuardOptions): MiddlewareHandler {
  const expected = Buffer.from(options.token, "utf8");
  return async (c, next) => {
    const header = c.req.header("authorization");
    const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
    // EventSource cannot send headers, so the event stream alone takes the token in the URL.
    const fromQuery = c.req.method === "GET" ? c.req.query("token") : undefined;
    const given = bearer ?? fromQuery;
    if (given === undefined || !sameSecret(Buffer.from(given, "utf8"), expected)) {
      return c.json({ error: "missing or wrong token: open the URL ppppt serve printed" }, 401);
    }
    if (WRITE_METHODS.has(c.req.method)) {
      const origin = c.req.header("origin");
      const port = options.port();
      const ours = allowedHosts(port).map((h) => `http://${h}`);
      if (origin !== undefined && !ours.includes(origin.toLowerCase())) {
        return c.json({ error: "refused: a write must come from the dashboard's own page" }, 403);
      }
      const site = c.req.header("sec-fetch-site");
      if (site !== undefined && site !== "same-origin" && site !== "none") {
        return c.json({ error: "refused: a write must come from the dashboard's own page" }, 403);
      }
      // A JSON body cannot be sent cross-site without a CORS preflight, which we never grant.
      const type = c.req.header("content-type") ?? "";
      if (c.req.method !== "DELETE" && !type.toLowerCase().startsWith("application/json")) {
        return c.json({ error: "send the request body as application/json" }, 415);
      }
    }
    c.header("Cache-Control", "no-store");
    await next();
  };
}

/** Whether a token given in a request is the server's (in constant time). */
export function tokenMatches(given: string, token: string): boolean {
  return sameSecret(Buffer.from(given, "utf8"), Buffer.from(token, "utf8"));
}

function sameSecret(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
