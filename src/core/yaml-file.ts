import { isMap, isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { PpppptError } from "./errors.js";

/**
 * Reads a YAML text and checks it against a schema, so every user-written file (config,
 * playbooks, answers) fails the same way: the file, the line, the key path and what was
 * expected. Pure: the caller reads the file.
 */
export function parseYamlWith<T>(text: string, file: string, schema: z.ZodType<T>): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new PpppptError(`not valid YAML: ${syntax.message.split("\n")[0]}`, {
      file,
      line,
      hint: "Check the indentation and quoting on that line.",
    });
  }
  const value: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  let keyPath = path;
  if (issue.code === "unrecognized_keys" && issue.keys.length > 0) {
    keyPath = [...path, issue.keys[0] as string];
  }
  const line = lineOf(doc, lineCounter, keyPath);
  const where = keyPath.length > 0 ? formatPath(keyPath) : "the file";
  const message =
    issue.code === "unrecognized_keys"
      ? `${where}: unknown key`
      : `${where}: ${issue.message.replace(/^Invalid input: /, "")}`;
  throw new PpppptError(message, { file, line, hint: hintFor(issue) });
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === "unrecognized_keys")
    return "Check the spelling; docs/config.md lists the keys.";
  return undefined;
}

/**
 * The YAML text with one key set (a top-level one, or a path of them), keeping the user's comments, order and layout
 * elsewhere (`ppppt init --role` writing `role:` into a config the user may have annotated).
 */
export function setYamlKey(text: string, key: string | readonly string[], value: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    throw new PpppptError("the config file is not a map of keys; fix it first");
  }
  doc.setIn(typeof key === "string" ? [key] : key, value);
  // `[a, b]` stays as the user wrote it, not `[ a, b ]`.
  return doc.toString({ flowCollectionPadding: false });
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

/** The line of the deepest node on the path that exists in the document (1-based). */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly (string | number)[],
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    if (n > 0) {
      // A key's own position reads better than its value's, for a map entry.
      const parent = doc.getIn(prefix.slice(0, -1), true);
      const last = prefix[prefix.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isNode(p.key) && p.key.toJSON() === last);
        if (pair && isNode(pair.key) && pair.key.range) {
          return counter.linePos(pair.key.range[0]).line;
        }
      }
    }
    const node = n === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
