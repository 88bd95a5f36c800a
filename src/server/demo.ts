import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IsoDate } from "../core/dates.js";
import { buildDemoDocket } from "../core/demo/demo-docket.js";

export interface DemoFiles {
  /** The temporary folder holding both, removed when the demo ends (removeDemoFiles). */
  folder: string;
  docketPath: string;
  /** A config file beside it naming the demo's role, so the leader's own config is not used. */
  configPath: string;
}

/**
 * Writes the demo (a director's last few months) to a fresh temporary folder: whatever the
 * visitor does to it, their own docket is never touched.
 */
export async function writeDemoFiles(today: IsoDate): Promise<DemoFiles> {
  const dir = await mkdtemp(join(tmpdir(), "ppppt-demo-"));
  const docketPath = join(dir, "todo.txt");
  const configPath = join(dir, "config.yaml");
  await writeFile(docketPath, buildDemoDocket({ today, seed: 1 }));
  await writeFile(configPath, "# The demo's settings: a director's target mix.\nrole: director\n");
  return { folder: dir, docketPath, configPath };
}

/** Removes the demo's folder and whatever the visitor's changes added to it. */
export async function removeDemoFiles(demo: DemoFiles): Promise<void> {
  await rm(demo.folder, { recursive: true, force: true });
}
