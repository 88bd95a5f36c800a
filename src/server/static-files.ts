import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/**
 * Where the built page lives: dist/web beside the bundled CLI (dist/cli.cjs when bundled,
 * src/server/*.ts when run from source by the tests).
 */
export function findWebRoot(): string | undefined {
  for (const rel of ["./web/", "../../dist/web/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, "index.html"))) return dir;
  }
  return undefined;
}

/** A file of the built page (`wanted` from its root), or undefined when there is none. */
export async function readWebFile(
  root: string | undefined,
  wanted: string,
): Promise<Buffer | undefined> {
  if (!root) return undefined;
  const full = normalize(join(root, wanted));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return readFile(full).catch(() => undefined);
}

/** Serves a file from the built page; paths are confined to `root`. */
export async function serveWebFile(c: Context, root: string | undefined): Promise<Response> {
  if (!root) {
    return c.text("The dashboard's page is not built: run `npm run build` first.", 500);
  }
  const wanted = c.req.path === "/" ? "/index.html" : decodeURIComponent(c.req.path);
  const full = normalize(join(root, wanted));
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return c.text("not found", 404);
  const type = TYPES[extname(full)];
  if (!type) return c.text("not found", 404);
  let body: Buffer;
  try {
    body = await readFile(full);
  } catch {
    return c.text("not found", 404);
  }
  // Built assets carry a content hash in their names; the page itself must always be fresh.
  const cache = wanted.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
  return c.body(new Uint8Array(body), 200, { "Content-Type": type, "Cache-Control": cache });
}
