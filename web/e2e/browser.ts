import { existsSync } from "node:fs";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";

/**
 * The e2e suites drive Debian's chromium, never a downloaded browser: the machine's own
 * package, so CI installs it with apt-get and nothing is fetched at test time.
 */
export const CHROMIUM_PATH = process.env.PPPPT_CHROMIUM ?? "/usr/bin/chromium";

/** Outside CI a machine without chromium skips the browser tests; in CI they must run. */
export const haveBrowser = existsSync(CHROMIUM_PATH) || process.env.CI !== undefined;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface PageSetup {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** What the test waits for before it starts; the board's first column by default. */
  ready?: (page: Page) => Promise<unknown>;
}

/** A tab on the dashboard's URL (desktop-sized unless told), ready; console errors collected. */
export async function openDashboardPage(
  browser: Browser,
  url: string,
  setup: PageSetup = {},
): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({
    viewport: setup.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: setup.acceptDownloads,
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(url);
  await (setup.ready ?? ((p: Page) => p.locator(".column").first().waitFor()))(page);
  return { page, consoleErrors };
}

/** A `ready` for a test that starts on one view: its link in the nav clicked, its heading drawn. */
export function navigatedTo(link: string, heading: { name: string; exact?: boolean }) {
  return async (page: Page) => {
    await page.getByRole("link", { name: link, exact: true }).click();
    await page.getByRole("heading", heading).waitFor();
  };
}

/** The controls under `root` with no name a screen reader could say (their HTML, shortened). */
export function unnamedControls(root: Locator): Promise<string[]> {
  return root.evaluate((el) =>
    [...el.querySelectorAll("button, input, select, a[href], canvas")]
      .filter((c) => {
        const label =
          c.getAttribute("aria-label") ??
          (c as HTMLInputElement).labels?.[0]?.textContent ??
          c.textContent;
        return !label || label.trim() === "";
      })
      .map((c) => c.outerHTML.slice(0, 80)),
  );
}
