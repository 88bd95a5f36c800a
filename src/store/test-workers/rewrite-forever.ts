// A writer to be killed mid-write: swaps the docket between two large contents until killed.
import { readFileSync } from "node:fs";
import { parseDocket } from "../../core/docket/parse.js";
import { updateDocketFile } from "../docket-file.js";

const [file, a, b] = process.argv.slice(2) as [string, string, string];
const contents = [parseDocket(readFileSync(a)), parseDocket(readFileSync(b))];
process.stdout.write("ready\n");
for (let i = 0; ; i++) {
  await updateDocketFile(file, () => ({ docket: contents[i % 2] as never, result: undefined }));
}
