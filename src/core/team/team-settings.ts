import { z } from "zod";
import { PpppptError } from "../errors.js";
import { namesInPeopleList } from "../people.js";

/**
 * The config's `team:` section (docs/team.md): what the owner lets travel. Unknown keys are
 * errors, as in every section ppppt owns, so a typo never silently shares a name.
 */
export interface TeamSettings {
  /** People's names become initials in what `team sync` commits. */
  redact: boolean;
  /** The config's `people:` list: names redaction hides beyond those the items name. */
  people: string[];
}

const teamSchema = z.strictObject({ redact: z.boolean().optional() });

export function teamSettingsOf(raw: Record<string, unknown>, file: string): TeamSettings {
  const team = teamSchema.safeParse(raw.team ?? {});
  if (!team.success) {
    throw new PpppptError(
      "team: takes one key, redact: true or false (names become initials in what sync shares)",
      { file },
    );
  }
  const people = namesInPeopleList(raw.people);
  if (!people) {
    throw new PpppptError("people: is a list of people, one a line (- Dana Reyes)", { file });
  }
  return { redact: team.data.redact ?? false, people };
}
