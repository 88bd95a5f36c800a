/**
 * GitHub/GitLab CODEOWNERS: `pattern owner...` lines, the last matching line wins, patterns
 * as in .gitignore (`*` within a path segment, `**` across them, a leading `/` anchors to the
 * root, a trailing `/` means everything under that folder, a pattern without a slash matches
 * at any depth). GitLab's `[Section]` headers are skipped; their lines still count.
 */
export interface OwnerRule {
  pattern: string;
  owners: string[];
  test: RegExp;
}

export function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "" || /^\^?\[.*\]/.test(line)) continue;
    const [pattern = "", ...owners] = line.split(/\s+/);
    rules.push({ pattern, owners, test: patternRegExp(pattern) });
  }
  return rules;
}

function patternRegExp(pattern: string): RegExp {
  let p = pattern;
  const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
  p = p.replace(/^\//, "");
  const folder = p.endsWith("/");
  p = p.replace(/\/$/, "");
  let body = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === "*" && p[i + 1] === "*") {
      body += ".*";
      i++;
      if (p[i + 1] === "/") i++;
    } else if (c === "*") body += "[^/]*";
    else if (c === "?") body += "[^/]";
    else body += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const start = anchored ? "^" : "(^|/)";
  return new RegExp(`${start}${body}(${folder ? "/.*" : "(/.*)?"})$`);
}

/** The owners of `path` (a test's file, or its class name as a path), or none. */
export function ownersOf(rules: readonly OwnerRule[], path: string): string[] {
  const clean = path.replace(/^\.?\//, "");
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as OwnerRule;
    if (rule.test.test(clean)) return rule.owners;
  }
  return [];
}

/**
 * Where a test lives, for matching: its `file` attribute when the report has one (pytest,
 * Playwright), else its class name with dots as folders (`com.acme.FooTest` →
 * `com/acme/FooTest`), which `**` patterns and folder patterns match in Java layouts.
 */
export function testPath(file: string, classname: string): string {
  if (file !== "") return file;
  return classname.replace(/\./g, "/");
}
