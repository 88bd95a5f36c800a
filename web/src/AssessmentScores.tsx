import { CATEGORY_LABELS } from "../../src/core/category.js";
import type { CategoryScore } from "../../src/core/lens/assessment.js";

/** The self-assessment's score per category, as `ppppt assess` prints them (Plan and Assess). */
export function AssessmentScores(props: { scores: CategoryScore[] }) {
  return (
    <table aria-label="Scores">
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Score</th>
          <th scope="col">Answered</th>
        </tr>
      </thead>
      <tbody>
        {props.scores.map((s) => (
          <tr key={s.category} data-category={s.category}>
            <th scope="row">{CATEGORY_LABELS[s.category]}</th>
            <td>{s.score === undefined ? "not assessed" : `${s.score.toFixed(0)}%`}</td>
            <td>
              {s.answered} of {s.practices}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
