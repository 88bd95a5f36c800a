import { findDateInText } from "./src/core/natural-date.js";
const today = "2026-12-01";
for (const p of process.argv.slice(2)) {
  const f = findDateInText(p, today);
  console.log(JSON.stringify(p), "=>", f ? `${JSON.stringify(f.rest)} due=${f.date} at=${f.time ?? ""} rec=${f.recurrence ?? ""} phrase=${JSON.stringify(f.phrase)}` : "none");
}
