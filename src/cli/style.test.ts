import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeIO } from "./fake-io.js";
import { runCli } from "./main.js";

const ESC = "\u001b[";

async function listOutput(
  env: Record<string, string | undefined>,
  tty: boolean,
  args: string[] = [],
) {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-style-"));
  const file = join(dir, "todo.txt");
  writeFileSync(file, "(A) thing cat:tech due:2026-11-20\n");
  const io = { ...fakeIO({ PPPPT_FILE: file, PPPPT_TODAY: "2026-11-25" }), stdoutIsTTY: tty };
  io.env = { ...io.env, NO_COLOR: undefined, ...env };
  await runCli([...args, "list"], io);
  return io.out.join("");
}

describe("colour", () => {
  it("colours a terminal", async () => {
    expect(await listOutput({}, true)).toContain(ESC);
  });
  it("respects NO_COLOR, --no-color and pipes", async () => {
    expect(await listOutput({ NO_COLOR: "1" }, true)).not.toContain(ESC);
    expect(await listOutput({}, true, ["--no-color"])).not.toContain(ESC);
    expect(await listOutput({}, false)).not.toContain(ESC);
  });
});
