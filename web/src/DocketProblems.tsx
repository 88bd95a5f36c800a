import type { CheckReport } from "../../src/core/docket/check-report.js";

/**
 * The warning `ppppt list` prints under its list, on the page: lines ppppt keeps but cannot
 * read (not on the board), and items that repeat an earlier line's id (on the board, flagged),
 * each with its line number, so nothing in the docket goes missing without a word.
 */
export function DocketProblems(props: {
  problems: Pick<CheckReport, "unreadable" | "duplicates">;
}) {
  const { unreadable, duplicates } = props.problems;
  if (unreadable.length === 0 && duplicates.length === 0) return null;
  return (
    <section class="docket-problems" role="status" aria-label="Problems in the docket">
      {unreadable.length > 0 && (
        <details>
          <summary>
            {unreadable.length} line{unreadable.length === 1 ? "" : "s"} of the docket could not be
            read and {unreadable.length === 1 ? "is" : "are"} not on the board (kept as written; fix{" "}
            {unreadable.length === 1 ? "it" : "them"} in an editor, <code>ppppt check</code> lists
            them)
          </summary>
          <ul>
            {unreadable.map((l) => (
              <li key={l.line}>
                line {l.line}: {l.problem} <code class="line-text">{l.text}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {duplicates.length > 0 && (
        <details>
          <summary>
            {duplicates.length} item{duplicates.length === 1 ? " repeats" : "s repeat"} an earlier
            line's id (on the board, flagged; <code>ppppt check --fix</code> gives{" "}
            {duplicates.length === 1 ? "it its" : "each its"} own)
          </summary>
          <ul>
            {duplicates.map((d) => (
              <li key={d.line}>
                line {d.line}: id:{d.id} is already used on line {d.firstLine}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
