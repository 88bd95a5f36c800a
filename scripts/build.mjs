// Bundles the CLI into dist/ so a command starts by reading one CommonJS file: Node loads
// CommonJS without starting its ESM loader, which alone costs a `node -e 0`-sized run ~10%
// (measured with the same file as .mjs and .cjs). Our own code is all in dist/cli.cjs, each
// command initialised only when run (esbuild wraps dynamically imported modules in lazy
// initialisers). Third-party packages that only some commands need (date parsing, the server,
// prompts, YAML and schemas, the lock) are bundled apart into dist/vendor/*.cjs and required
// on first use, so they cost nothing to parse on every start.
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });

/**
 * Import specifier → vendor bundle. Specifiers that share a bundle (hono and its node server)
 * export from one module so they share one copy of the library.
 */
const VENDOR = {
  "chrono-node": "chrono",
  hono: "server",
  "hono/streaming": "server",
  "@hono/node-server": "server",
  "@clack/prompts": "prompts",
  "proper-lockfile": "proper-lockfile",
  "write-file-atomic": "write-file-atomic",
  yaml: "yaml",
  zod: "zod",
  saxes: "saxes",
  tinyglobby: "tinyglobby",
  "ical.js": "ical",
  "windows-iana": "windows-iana",
  "@streamparser/json": "streamparser-json",
  "csv-parse/sync": "csv-parse",
  "csv-stringify/sync": "csv-stringify",
  pptxgenjs: "pptxgenjs",
  jszip: "jszip",
};

/**
 * What a vendor bundle is built from, where that is not the package itself: chrono-node's
 * English build has the same parse() as the package's default, without the parsers for a dozen
 * other locales the package builds when it loads (545 KB of bundle and ~50 ms of start).
 */
const VENDOR_SOURCE = { "chrono-node": "chrono-node/en" };

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: false,
  // Whitespace and syntax only: V8 parses less at start-up, and stack traces keep their names.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
};

const bundles = {};
for (const [specifier, name] of Object.entries(VENDOR)) {
  bundles[name] ??= [];
  bundles[name].push(specifier);
}
await Promise.all(
  Object.entries(bundles).map(([name, specifiers]) => {
    // A single CommonJS package is re-exported as is, so its default export stays the function
    // it is (proper-lockfile, write-file-atomic); several are merged into one namespace.
    const contents =
      specifiers.length === 1
        ? `module.exports = require(${JSON.stringify(VENDOR_SOURCE[specifiers[0]] ?? specifiers[0])});`
        : specifiers.map((s) => `export * from ${JSON.stringify(s)};`).join("\n");
    return build({
      ...common,
      stdin: { contents, resolveDir: process.cwd(), sourcefile: `vendor-${name}.js` },
      outfile: `dist/vendor/${name}.cjs`,
    });
  }),
);

/** Points the CLI's imports of vendored packages at their bundles, loaded at run time. */
const vendorPlugin = {
  name: "vendor",
  setup(b) {
    const filter = new RegExp(
      `^(${Object.keys(VENDOR)
        .map((s) => s.replace(/[/\\^$*+?.()|[\]{}-]/g, "\\$&"))
        .join("|")})$`,
    );
    b.onResolve({ filter }, (args) => ({
      path: `./vendor/${VENDOR[args.path]}.cjs`,
      external: true,
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for running executable subcommands
 * (`git-foo` style), which ppppt does not have. Loading that module took ~5 ms of every
 * command's start, about 4% of a `node -e 0`. The require is made lazy: the same `spawn`,
 * loaded on first call. The build fails if commander's source no longer has the line.
 */
const commanderPlugin = {
  name: "commander-lazy-child-process",
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const source = await readFile(args.path, "utf8");
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) {
        throw new Error(`${args.path} no longer has "${eager}": update scripts/build.mjs`);
      }
      const lazy =
        "let childProcessModule; const childProcess = { spawn: (...a) => (childProcessModule ??= require('node:child_process')).spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: "js" };
    });
  },
};

await build({
  ...common,
  entryPoints: ["src/cli/bin.ts"],
  outfile: "dist/cli.cjs",
  plugins: [vendorPlugin, commanderPlugin],
  // DuckDB loads a native binary from its platform package at run time: never bundled.
  external: ["@duckdb/node-api"],
  // import() of a vendored package becomes require(): a dynamic import would start Node's ESM
  // loader (and its CommonJS lexer) just to load a CommonJS file.
  supported: { "dynamic-import": false },
  // The sources are ES modules; in the CommonJS bundle import.meta.url is this file's URL.
  define: { "import.meta.url": "__ppppt_module_url" },
  banner: { js: "const __ppppt_module_url = require('node:url').pathToFileURL(__filename).href;" },
});

// The start-up bundle bin/ppppt.cjs loads: a few KB that read V8's code for dist/cli.cjs from
// the cache folder before compiling it (src/cli/start.ts). The code is kept under the bundle's
// content hash, so a rebuilt bundle never meets code compiled for another.
const bundleHash = createHash("sha256").update(readFileSync("dist/cli.cjs")).digest("hex");
await build({
  ...common,
  entryPoints: ["src/cli/start-bin.ts"],
  outfile: "dist/start.cjs",
  define: {
    "import.meta.url": "__ppppt_module_url",
    PPPPT_BUNDLE_HASH: JSON.stringify(bundleHash.slice(0, 16)),
  },
  banner: { js: "const __ppppt_module_url = require('node:url').pathToFileURL(__filename).href;" },
});

// The worker threads `ppppt health ingest` reads many reports in.
await build({
  ...common,
  entryPoints: ["src/store/report-worker.ts"],
  outfile: "dist/report-worker.cjs",
  plugins: [vendorPlugin],
  external: ["@duckdb/node-api"],
  define: { "import.meta.url": "__ppppt_module_url" },
  banner: { js: "const __ppppt_module_url = require('node:url').pathToFileURL(__filename).href;" },
});

// The dashboard's page, built by Vite into dist/web (served by `ppppt serve`). `--no-web`
// skips it for a quick CLI-only rebuild.
if (!process.argv.includes("--no-web")) {
  const { build: buildWeb } = await import("vite");
  await buildWeb({ configFile: "web/vite.config.ts", logLevel: "warn" });
}
