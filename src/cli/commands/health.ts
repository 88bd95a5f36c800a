import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { PpppptError } from "../../core/errors.js";
import { readTimestamp } from "../../core/health/junit.js";
import { plural } from "../../core/wording.js";
import type { IngestOutcome, RunFlags } from "../../store/health-db.js";
import { contextOf, ExitStatus } from "../context.js";
import type { CliIO } from "../io.js";
import { asProgramDoes } from "../subcommand.js";
import { registerIssueCommands } from "./health-issues.js";

function timeArg(value: string): string {
  const iso = readTimestamp(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (iso === undefined) {
    throw new InvalidArgumentError(`"${value}" is not a time (use 2026-11-25T14:03:00Z).`);
  }
  return iso;
}

/**
 * The report files PATH... names: files as they are, folders searched for `*.xml` at any
 * depth, anything else read as a glob (quoted, so the shell left it to us). Sorted, each once.
 */
async function reportFiles(patterns: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  const { glob } = await import("tinyglobby");
  for (const pattern of patterns) {
    const stats = await stat(pattern).catch(() => undefined);
    if (stats?.isFile()) files.add(resolve(pattern));
    else if (stats?.isDirectory()) {
      for (const f of await glob("**/*.xml", { cwd: pattern, absolute: true, dot: false })) {
        files.add(resolve(f));
      }
    } else {
      const found = await glob(pattern, { absolute: true, onlyFiles: true });
      if (found.length === 0) {
        throw new PpppptError(`${pattern}: no such file, folder or matching files`, {
          hint: "Give JUnit XML files, folders holding them, or a quoted glob like 'build/**/*.xml'.",
        });
      }
      for (const f of found) files.add(resolve(f));
    }
  }
  return [...files].sort();
}

function outcomeLine(o: IngestOutcome): string {
  if (o.error !== undefined) return `rejected ${o.error}`;
  const passed = o.tests - o.failures - o.errors - o.skipped;
  const rerun = o.flaky > 0 ? ` (${o.flaky} on a rerun)` : "";
  const parts = [plural(o.tests, "test"), `${passed} passed${rerun}`, `${o.failures} failed`];
  if (o.errors > 0) parts.push(plural(o.errors, "error"));
  if (o.skipped > 0) parts.push(`${o.skipped} skipped`);
  return `${o.new ? "ingested" : "already ingested"} ${o.file}: ${parts.join(", ")}`;
}

export function registerHealth(program: Command, io: CliIO): void {
  const health = program
    .command("health")
    .description("engineering health from CI test reports: ingest JUnit XML, flaky tests")
    .addHelpText(
      "after",
      "\nThe store, the counting rules and every flag are explained in docs/health.md.\n\nExamples:\n  ppppt health ingest build/test-results --commit abc123 --branch main --job unit\n  ppppt health flaky\n  ppppt health flaky --quarantine > quarantine.txt",
    );

  asProgramDoes(
    health
      .command("ingest")
      .description(
        "read JUnit XML reports (files, folders, quoted globs) into the health database; the same report twice counts once",
      )
      .argument("<path...>", "report files, folders of them, or quoted globs")
      .option("--commit <sha>", "the commit the tests ran on")
      .option("--branch <name>", "the branch the commit is on")
      .option(
        "--job <name>",
        "the CI job (reports with the same commit, branch and job are one run)",
      )
      .option(
        "--time <when>",
        "when the run happened (ISO 8601); default: the report's timestamp, else the file's modification time",
        timeArg,
      )
      .option(
        "--json",
        "print one object per file: file, tests, failures, errors, skipped, flaky, new, error",
      )
      .addHelpText(
        "after",
        "\nWithout --commit, --branch or --job every report is a run of its own. With them, the reports of\none invocation (and of any other with the same four values) make one run.\nA report that is not well-formed XML is named with its line and not ingested; the others go on,\nand the exit code is 1.",
      ),
    io,
  ).action(async (patterns: string[], options: RunFlags & { json?: boolean }, command: Command) => {
    const ctx = contextOf(io, command);
    const files = await reportFiles(patterns);
    const flags: RunFlags = {};
    if (options.commit !== undefined) flags.commit = options.commit;
    if (options.branch !== undefined) flags.branch = options.branch;
    if (options.job !== undefined) flags.job = options.job;
    if (options.time !== undefined) flags.time = options.time;
    const { healthPaths, ingestReports } = await import("../../store/health-db.js");
    const outcomes = await ingestReports(healthPaths(ctx.docketPath()), files, flags);
    if (options.json) ctx.json(outcomes);
    else for (const o of outcomes) (o.error ? io.stderr : io.stdout)(`${outcomeLine(o)}\n`);
    const rejected = outcomes.filter((o) => o.error !== undefined).length;
    if (rejected > 0) {
      if (options.json) for (const o of outcomes) if (o.error) io.stderr(`rejected ${o.error}\n`);
      io.stderr(`${rejected} of ${outcomes.length} reports rejected.\n`);
      throw new ExitStatus(1);
    }
  });

  asProgramDoes(
    health
      .command("flaky")
      .description(
        "the flaky tests, flakiest first: flake rate, runs affected, CI minutes lost, owner, and why each is flagged",
      )
      .option("--json", "print { runs, infraRuns, tests: [...] }")
      .option("--quarantine", "print the flaky tests' ids, one a line, for a CI job to skip")
      .option("--codeowners <file>", "a CODEOWNERS file to name each test's owner from")
      .addHelpText(
        "after",
        "\nBroken tests (failing every run since a commit) are listed apart and never quarantined.\nRuns where most tests failed are left out as infrastructure failures. docs/health.md has\nevery rule and threshold, and how CI minutes lost are counted.",
      ),
    io,
  ).action(
    async (
      options: { json?: boolean; quarantine?: boolean; codeowners?: string },
      command: Command,
    ) => {
      const ctx = contextOf(io, command);
      const store = await import("../../store/health-db.js");
      const { detectFlaky } = await import("../../core/health/flaky.js");
      const { ownersOf, parseCodeowners } = await import("../../core/health/codeowners.js");
      const rules =
        options.codeowners === undefined
          ? []
          : parseCodeowners(await store.readCodeownersFile(options.codeowners));
      const inputs = await store.withHealthDb(store.healthPaths(ctx.docketPath()), (db) =>
        store.readFlakyInputs(db),
      );
      const report = detectFlaky(inputs.runs, inputs.results);
      const tests = report.tests.map((t) => ({ ...t, owners: ownersOf(rules, t.path) }));
      if (options.quarantine) {
        for (const t of tests) if (t.status === "flaky") ctx.out(t.testId);
        return;
      }
      if (options.json) {
        ctx.json({ runs: report.runs, infraRuns: report.infraRuns, tests });
        return;
      }
      if (report.runs === 0) {
        ctx.out("No test reports yet: run `ppppt health ingest PATH...` first.");
        return;
      }
      const flaky = tests.filter((t) => t.status === "flaky");
      const broken = tests.filter((t) => t.status === "broken");
      ctx.out(
        `${plural(flaky.length, "flaky test")}, ${plural(broken.length, "broken test")} over ${plural(report.runs, "run")}.`,
      );
      for (const t of flaky) {
        const owner = t.owners.length > 0 ? `  ${t.owners.join(" ")}` : "";
        ctx.out("");
        ctx.out(ctx.style.bold(t.testId) + owner);
        ctx.out(
          `  flake rate ${Math.round(t.flakeRate * 100)}% (${t.runsAffected} of ${plural(t.runs, "run")}), ${t.minutesLost.toFixed(1)} CI minutes lost, seen ${t.firstSeen.slice(0, 10)} to ${t.lastSeen.slice(0, 10)}`,
        );
        for (const f of t.flags) ctx.out(`  ${f.kind}: ${f.why}`);
      }
      if (broken.length > 0) {
        ctx.out("");
        ctx.out("Broken (fix, do not quarantine):");
        for (const t of broken) ctx.out(`  ${t.testId}: ${t.broken}`);
      }
      for (const r of report.infraRuns) ctx.out(`Left out run ${r.run}: ${r.why}.`);
    },
  );

  registerIssueCommands(health, io);

  asProgramDoes(
    health
      .command("rebuild")
      .description("build the health database again from the reports it was built from"),
    io,
  ).action(async (_options: unknown, command: Command) => {
    const ctx = contextOf(io, command);
    const { healthPaths, rebuildHealthDb } = await import("../../store/health-db.js");
    const result = await rebuildHealthDb(healthPaths(ctx.docketPath()));
    for (const m of result.missing) io.stderr(`lost ${m.path}: ${m.reason}\n`);
    ctx.out(
      `Rebuilt from ${plural(result.ingested.length, "report")} and ${plural(result.issueExports, "issue export")}.`,
    );
    if (result.missing.length > 0) throw new ExitStatus(1);
  });
}
