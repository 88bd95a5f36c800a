import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The README as a newcomer meets it: the set-up's line that puts `ppppt` on the PATH, then the
 * tour, each line run as written (parsed from README.md itself) in its own shell, in a fresh
 * HOME, as someone pasting it line by line would. `EDITOR=true` stands in for the editor;
 * `assess` gets its answers on stdin; `serve` is started, asked for the board, and stopped.
 * Output may change as the commands grow, so each line is held to its exit code and to the
 * facts the tour promises (the files it writes, the tags an edit keeps), not to its output.
 */

const ROOT = join(import.meta.dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The command lines of the ```sh blocks under the `## title` heading. */
function commandLines(title: string): string[] {
  const start = README.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = README.indexOf("\n## ", start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  const lines: string[] = [];
  for (const block of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of (block[1] as string).split("\n")) {
      if (line.trim() !== "" && !line.trim().startsWith("#")) lines.push(line.trim());
    }
  }
  return lines;
}

const setup = commandLines("Set-up");
const tour = commandLines("A tour");
const pathLine = setup.find((l) => l.startsWith("export PATH="));

const home = mkdtempSync(join(tmpdir(), "ppppt-readme-home-"));
// A newcomer's shell: no PPPPT_* or XDG_* settings of ours, a fresh HOME, `ppppt` on the PATH
// as the set-up line puts it there (checked in the first test).
const env: Record<string, string> = {};
for (const [k, v] of Object.entries(process.env)) {
  if (v !== undefined && !/^(PPPPT_|XDG_|VISUAL$|EDITOR$|NO_COLOR$)/.test(k)) env[k] = v;
}
Object.assign(env, {
  HOME: home,
  EDITOR: "true",
  NO_COLOR: "1",
  PATH: `${join(ROOT, "bin")}${delimiter}${process.env.PATH ?? ""}`,
});

const docket = () => readFileSync(join(home, ".local", "share", "ppppt", "todo.txt"), "utf8");
const lineWith = (id: string) =>
  docket()
    .split("\n")
    .find((l) => l.includes(`id:${id}`)) ?? "";

/** What must hold after a tour line ran, for the lines that promise something. */
const FACTS: [RegExp, () => void][] = [
  [
    /^ppppt init --role director/,
    () => {
      expect(docket()).toBe("");
      expect(readFileSync(join(home, ".config", "ppppt", "config.yaml"), "utf8")).toMatch(
        /^role: director$/m,
      );
    },
  ],
  [
    /^ppppt add "1:1 with Dana/,
    () => expect(lineWith("dana")).toMatch(/\+promo .*due:\d{4}-\d\d-\d\d.*cat:people/),
  ],
  [/^ppppt recat zeph product/, () => expect(lineWith("zeph")).toMatch(/cat:product(\s|$)/)],
  [/^ppppt done sync/, () => expect(docket().match(/Staff sync/g)).toHaveLength(2)],
  [
    /^ppppt undo sync/,
    () => {
      expect(docket().match(/Staff sync/g)).toHaveLength(1);
      expect(lineWith("sync")).not.toMatch(/^x /);
    },
  ],
  [
    /^ppppt edit dana "/,
    () => {
      const line = lineWith("dana");
      expect(line).toContain("1:1 with Dana: promo packet and Q1 goals");
      expect(line).toMatch(/\+promo .*due:\d{4}-\d\d-\d\d.*cat:people/);
    },
  ],
  [
    /archive/,
    () => {
      expect(readFileSync(join(home, ".local", "share", "ppppt", "done.txt"), "utf8")).toContain(
        "id:dana",
      );
      expect(docket()).not.toContain("id:dana");
    },
  ],
  [
    /demo$|demo\s+#/,
    () =>
      expect(readFileSync(join(home, "demo.txt"), "utf8").split("\n").length).toBeGreaterThan(100),
  ],
  [/review --write/, () => expect(readdirSync(home)).toContain("reviews")],
  [
    /assess/,
    () => {
      const saved = JSON.parse(readFileSync(join(home, "assessment.json"), "utf8"));
      expect(saved.role).toBe("director");
      expect(Object.keys(saved.answers).length).toBeGreaterThanOrEqual(5);
    },
  ],
];

/** Answers for `assess`, as someone at the terminal would give them, one per question. */
const ANSWERS = `${["yes", "partly", "no"].flatMap((a) => [a, a, a, a]).join("\n")}\n`.repeat(5);

function runLine(line: string) {
  return spawnSync("bash", ["-c", line], {
    cwd: home,
    env,
    encoding: "utf8",
    input: /\bassess\b/.test(line) ? ANSWERS : "",
    timeout: 60_000,
  });
}

const built = existsSync(join(ROOT, "dist", "cli.cjs"));

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe("the README, as a newcomer meets it", () => {
  it("is built (npm test builds first)", () => {
    expect(built, "run `npm run build` first").toBe(true);
  });

  it("puts ppppt on the PATH with the set-up's own line", () => {
    expect(pathLine, "the set-up has an `export PATH=` line").toBeDefined();
    const r = spawnSync("bash", ["-c", `${pathLine}\ncommand -v ppppt && ppppt --version`], {
      cwd: ROOT,
      env: { ...env, PATH: "/usr/bin:/bin" },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(ROOT, "bin", "ppppt"));
    expect(r.stdout).toMatch(/\d+\.\d+\.\d+/);
  });

  it("has a tour with no placeholder ids, a demo in a file of its own, and the reports on it", () => {
    expect(tour.length).toBeGreaterThanOrEqual(20);
    expect(tour.join("\n")).not.toMatch(/\bID\b|<id>|7s4t|ph3k/);
    for (const report of ["balance", "next", "review", "assess", "plan"]) {
      const line = tour.find((l) => new RegExp(`^ppppt (?:-f \\S+ )?${report}\\b`).test(l));
      expect(line, report).toMatch(/^ppppt -f ~\/demo\.txt /);
    }
  });

  const lines = tour.filter((l) => !/^ppppt serve\b/.test(l));
  it.skipIf(!built).each(lines.map((l, i) => [i + 1, l]))(
    "line %i works as written: %s",
    (_, line) => {
      const r = runLine(line as string);
      expect(r.status, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
      for (const [pattern, check] of FACTS) if (pattern.test(line as string)) check();
    },
  );

  describe.skipIf(!built)("ppppt serve, started and stopped", () => {
    const serveLine = tour.find((l) => /^ppppt serve\b/.test(l)) as string;
    let server: ChildProcess;
    const output: string[] = [];
    let url: URL;

    beforeAll(async () => {
      expect(serveLine).toBeDefined();
      // `exec`: the shell becomes the server, so stopping it stops the process we started.
      server = spawn("bash", ["-c", `exec ${serveLine}`], {
        cwd: home,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      url = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL: ${output.join("")}`)), 30_000);
        const read = (chunk: Buffer) => {
          output.push(chunk.toString());
          const m = /Dashboard: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output.join(""));
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(new URL(m[1]));
          }
        };
        server.stdout?.on("data", read);
        server.stderr?.on("data", read);
        server.once("exit", (code) =>
          reject(new Error(`serve exited (${code}): ${output.join("")}`)),
        );
      });
    }, 60_000);

    afterAll(async () => {
      if (server && server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT");
        await exited;
      }
    });

    it("serves the tour's docket to the page", async () => {
      const token = url.searchParams.get("token") as string;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const items = await fetch(new URL("/api/items", url), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(items.status).toBe(200);
      const body = (await items.json()) as { items: { id: string }[] };
      expect(body.items.map((i) => i.id)).toEqual(expect.arrayContaining(["zeph", "sync"]));
    });

    it("stops on Ctrl+C", async () => {
      const exited = new Promise<number | null>((resolve) =>
        server.once("exit", (code) => resolve(code)),
      );
      server.kill("SIGINT");
      expect(await exited).not.toBeNull();
    });
  });
});
