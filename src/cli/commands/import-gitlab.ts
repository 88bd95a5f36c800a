import type { Command } from "commander";
import { registerIssueImport } from "../import-issues.js";
import type { CliIO } from "../io.js";

export function registerImportGitlab(group: Command, io: CliIO): void {
  registerIssueImport(
    group,
    io,
    "gitlab",
    "import GitLab issues: REST issue lists, Perceval items",
    async () => {
      const { GitlabReader } = await import("../../core/import/gitlab.js");
      return (file, onIssue) => new GitlabReader(file, onIssue);
    },
  );
}
