// The shipped classifier on a labelled set of text nobody here wrote:
//   npx tsx scripts/eval-realworld.ts PATH [PATH…]
// Each file is either the evaluation format (a header row, then text<TAB>category<TAB>
// ambiguous<TAB>source, as data/eval/realworld.tsv) or the corpus format
// (category<TAB>text[<TAB>source]). Prints macro-F1, per-category F1, the confusion matrix,
// the calibration error and how honest "unsure" is. Never trains on what it reads.
import { readFileSync } from "node:fs";
import { CATEGORIES, type Category } from "../src/core/category.js";
import { expectedCalibrationError } from "../src/core/classify/calibration-error.js";
import { Classifier, UNSURE_BELOW } from "../src/core/classify/classifier.js";
import { parseCorpus } from "../src/core/classify/corpus.js";
import { EVAL_SET_HEADER, parseEvalSet } from "../src/core/classify/eval-set.js";
import { score } from "../src/core/classify/evaluation.js";
import { readShippedModel } from "../src/store/shipped-model-file.js";

interface Item {
  text: string;
  category: Category;
  ambiguous: boolean;
}

function readItems(path: string): Item[] {
  const content = readFileSync(path, "utf8");
  return content.startsWith(EVAL_SET_HEADER)
    ? parseEvalSet(content, path)
    : parseCorpus(content, path).map((e) => ({ ...e, ambiguous: false }));
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: npx tsx scripts/eval-realworld.ts PATH [PATH…]");
  process.exit(2);
}
const classifier = Classifier.fromModel(await readShippedModel());
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
for (const path of paths) {
  const items = readItems(path);
  const results = items.map((item) => {
    const c = classifier.classify(item.text);
    return { ...item, actual: item.category, predicted: c.category, c };
  });
  const s = score(results);
  const ambiguous = results.filter((r) => r.ambiguous);
  const ece = expectedCalibrationError(
    results.map((r) => ({ probability: r.c.probability, correct: r.predicted === r.actual })),
  );
  const unsure = results.filter((r) => r.c.unsure);
  const sure = results.filter((r) => !r.c.unsure);
  const rightOf = (rs: typeof results) => rs.filter((r) => r.predicted === r.actual).length;
  console.log(`${path}: ${items.length} items`);
  console.log(
    `  macro-F1 ${s.macroF1.toFixed(3)}, accuracy ${s.accuracy.toFixed(3)}` +
      (ambiguous.length > 0
        ? `, accuracy on the ${ambiguous.length} ambiguous ${(rightOf(ambiguous) / ambiguous.length).toFixed(3)}`
        : ""),
  );
  console.log(
    `  F1: ${CATEGORIES.map((c) => `${c} ${s.perCategory[c].f1.toFixed(3)}`).join(", ")}`,
  );
  console.log(
    `  calibration error (ECE, 10 bins) ${ece.toFixed(3)}; below ${UNSURE_BELOW}: ${pct(unsure.length / items.length)} marked as guesses (${pct(rightOf(unsure) / Math.max(1, unsure.length))} right), ${pct(rightOf(sure) / Math.max(1, sure.length))} of the sure ones right`,
  );
  console.log(`  confusion (rows actual, columns predicted): ${CATEGORIES.join(" ")}`);
  CATEGORIES.forEach((c, i) => {
    console.log(
      `    ${c.padEnd(8)}${(s.confusion[i] as number[]).map((n) => String(n).padStart(5)).join("")}`,
    );
  });
}
