import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { readGithubExport } from "./github.js";
import { readGitlabExport } from "./gitlab.js";
import { readJiraExport } from "./jira.js";

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe("Perceval items (GrimoireLab)", () => {
  const gh = {
    number: 5,
    title: "Crash",
    state: "closed",
    created_at: "2026-01-01T00:00:00Z",
    closed_at: "2026-01-02T12:00:00Z",
    state_reason: "not_planned",
    html_url: "https://github.com/o/r/issues/5",
    assignees: [{ login: "dana" }],
    labels: [{ name: "P1" }, { name: "severity: high" }],
  };
  it("reads the issue under data, skipping items of other categories", () => {
    const file = readGithubExport(
      bytes([
        { backend_name: "GitHub", category: "issue", data: gh },
        { backend_name: "GitHub", category: "pull_request", data: { number: 6, title: "PR" } },
      ]),
      "p.json",
    );
    expect(file.shape).toBe("perceval-items");
    expect(file.records).toHaveLength(1);
    expect(file.records[0]).toMatchObject({
      sourceId: "github:o/r#5",
      state: "closed",
      closedAsNotPlanned: true,
      assignees: ["dana"],
      priority: "P1",
      severity: "severity: high",
    });
  });

  it("names the right command for another tracker's items", () => {
    const attempt = () =>
      readGitlabExport(bytes([{ backend_name: "GitHub", category: "issue", data: gh }]), "p.json");
    expect(attempt).toThrow(PpppptError);
    expect(attempt).toThrow(/record 1: a Perceval GitHub item, not gitlab/);
  });

  it("Jira REST issues wrapped by Perceval", () => {
    const jira = {
      key: "AB-1",
      self: "https://jira.example.com/rest/api/2/issue/1",
      fields: {
        summary: "Slow search",
        created: "2016-03-03T13:40:01.000+0100",
        resolutiondate: "2016-03-04T13:40:01.000+0100",
        resolution: { name: "Won't Do" },
        priority: { name: "Critical" },
        issuetype: { name: "Bug" },
        duedate: "2016-03-10",
      },
    };
    const file = readJiraExport(
      bytes([{ backend_name: "Jira", category: "issue", data: jira }]),
      "j.json",
    );
    expect(file.records[0]).toMatchObject({
      sourceId: "jira:AB-1",
      url: "https://jira.example.com/browse/AB-1",
      state: "closed",
      closedAsNotPlanned: true,
      priority: "Critical",
      type: "Bug",
      due: "2016-03-10",
    });
    expect(file.records[0]?.closed?.ms).toBe(Date.UTC(2016, 2, 4, 12, 40, 1));
  });
});
