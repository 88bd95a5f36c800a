import type { Command } from "commander";
import { registerIssueImport } from "../import-issues.js";
import type { CliIO } from "../io.js";

export function registerImportJira(group: Command, io: CliIO): void {
  registerIssueImport(
    group,
    io,
    "jira",
    "import Jira issues: Export CSV, Export XML (RSS), REST search JSON, Perceval items",
    async () => {
      const { JiraReader } = await import("../../core/import/jira.js");
      return (file, onIssue) => new JiraReader(file, onIssue);
    },
  );
}
