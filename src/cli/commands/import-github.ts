import type { Command } from "commander";
import { registerIssueImport } from "../import-issues.js";
import type { CliIO } from "../io.js";

export function registerImportGithub(group: Command, io: CliIO): void {
  registerIssueImport(
    group,
    io,
    "github",
    "import GitHub issues: REST lists, `gh issue list --json …`, `gh api graphql`, Perceval items",
    async () => {
      const { GithubReader } = await import("../../core/import/github.js");
      return (file, onIssue) => new GithubReader(file, onIssue);
    },
  );
}
