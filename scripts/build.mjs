// Bundles the CLI into dist/ so a command starts by reading one file, not hundreds of modules;
// heavy parts (date parsing, the classifier, the server) are split into chunks loaded on use.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: clear out the previous build's chunks.
rmSync("dist/chunks", { recursive: true, force: true });

const entries = { cli: "src/cli/bin.ts" };
const extra = process.argv.slice(2);
for (const e of extra) {
  const [name, path] = e.split("=");
  entries[name] = path;
}

await build({
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  // Whitespace and syntax only: V8 parses less at start-up, and stack traces keep their names.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS dependencies call require() for Node's built-ins.
  banner: {
    js: [
      "import { createRequire as __ppppt_createRequire } from 'node:module';",
      "import { fileURLToPath as __ppppt_fileURLToPath } from 'node:url';",
      "const require = __ppppt_createRequire(import.meta.url);",
      "const __filename = __ppppt_fileURLToPath(import.meta.url);",
      "const __dirname = __filename.replace(/[\\\\/][^\\\\/]*$/, '');",
    ].join(" "),
  },
  logLevel: "warning",
});
