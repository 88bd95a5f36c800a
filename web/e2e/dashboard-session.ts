import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { IsoDate } from "../../src/core/dates.js";
import {
  type RunningDashboard,
  type StartOptions,
  startDashboard,
} from "../../src/server/start.js";
import { findWebRoot } from "../../src/server/static-files.js";
import { launchChromium, openDashboardPage, type PageSetup } from "./browser.js";

/** Where the browser tests leave their screenshots (CI keeps the folder). */
export const ARTIFACTS = join(process.cwd(), "test-artifacts");

/** The session's temp folder and the docket in it. */
export interface SessionPaths {
  dir: string;
  file: string;
}

export interface SessionSetup {
  today: IsoDate;
  /** The text of `todo.txt` in the temp folder. */
  docket: string;
  /** More files for the temp folder, by name (a config.yaml, a calendar export…). */
  files?: Record<string, string>;
  /** Runs after the files are written and before the server starts: CLI imports, say. */
  prepare?: (paths: SessionPaths) => Promise<void>;
  /** Adds to or overrides the server's options; called after `prepare`. */
  options?: (paths: SessionPaths) => Partial<StartOptions>;
}

export interface DashboardSession extends SessionPaths {
  dashboard: RunningDashboard;
  browser: Browser;
  /** A tab on `url` (the dashboard's own by default), with its console errors collected. */
  openPage(setup?: PageSetup, url?: string): Promise<{ page: Page; consoleErrors: string[] }>;
  /** Closes the browser and the server and removes the temp folder. */
  close(): Promise<void>;
}

/**
 * A docket in a fresh folder, the dashboard serving it on any free port and Debian's chromium
 * to look at it. The server's clock says `today` and it guesses no categories, so what a test
 * sees is what its docket says.
 */
export async function startDashboardSession(setup: SessionSetup): Promise<DashboardSession> {
  if (!findWebRoot()) throw new Error("the page is not built: run `npm run build` first");
  const dir = await mkdtemp(join(tmpdir(), "ppppt-e2e-"));
  const file = join(dir, "todo.txt");
  let dashboard: RunningDashboard | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await dashboard?.close();
    await rm(dir, { recursive: true, force: true });
  };
  // A set-up that fails half-way leaves nothing running: the test's afterAll has no session.
  try {
    await writeFile(file, setup.docket);
    for (const [name, text] of Object.entries(setup.files ?? {})) {
      await writeFile(join(dir, name), text);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    await setup.prepare?.({ dir, file });
    dashboard = await startDashboard({
      docketPath: file,
      port: 0,
      today: () => setup.today,
      categoriser: async () => () => undefined,
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
      ...setup.options?.({ dir, file }),
    });
    browser = await launchChromium();
  } catch (e) {
    await close();
    throw e;
  }
  const running = { dashboard, browser };
  return {
    dir,
    file,
    ...running,
    openPage: (page, url) => openDashboardPage(running.browser, url ?? running.dashboard.url, page),
    close,
  };
}
