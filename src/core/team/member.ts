import { z } from "zod";
import { type IsoDate, isIsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { parseRole, ROLES, type Role } from "../lens/roles.js";
import { parseYamlWith } from "../yaml-file.js";

/**
 * The team repository's layout (docs/team.md). Everything a person writes lives in their own
 * folder, so two people's commits never touch the same file and every merge is clean:
 *
 *     ppppt-team.yaml            the marker `team init` writes: this repository is a team
 *     members/<name>/member.yaml who they are: name, role, the day they joined
 *     members/<name>/docket.txt  the filtered copy of their docket (no private items)
 *     members/<name>/done.txt    the same of their done file (archived items), when they have one
 */
export const TEAM_MARKER = "ppppt-team.yaml";
export const TEAM_FORMAT = 1;
export const MEMBERS_DIR = "members";

export interface Member {
  name: string;
  role: Role;
  joined: IsoDate;
}

/** Lower-case letters, digits, dot, dash, underscore: a folder name on every system and safe in git. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

export function requireMemberName(value: string): string {
  const name = value.trim();
  if (!NAME.test(name) || name.endsWith(".") || name.includes("..")) {
    throw new PpppptError(`"${value}" cannot be a member name`, {
      hint: "Use 1 to 40 lower-case letters, digits, dots, dashes or underscores, like dana or dana.reyes.",
    });
  }
  return name;
}

export function memberFolder(name: string): string {
  return `${MEMBERS_DIR}/${name}`;
}

export function memberFilePath(name: string): string {
  return `${memberFolder(name)}/member.yaml`;
}

export function sharedDocketPath(name: string): string {
  return `${memberFolder(name)}/docket.txt`;
}

export function sharedDonePath(name: string): string {
  return `${memberFolder(name)}/done.txt`;
}

/** Whose folder a repository path is in (`members/dana/docket.txt` → dana); undefined outside. */
export function ownerOfPath(path: string): string | undefined {
  const m = /^members\/([^/]+)\//.exec(path);
  return m ? m[1] : undefined;
}

const roleSchema = z.string().transform((v, ctx): Role => {
  const role = parseRole(v);
  if (role) return role;
  ctx.addIssue({ code: "custom", message: `"${v}" is not a role (${ROLES.join(", ")})` });
  return z.NEVER;
});

const memberSchema = z.strictObject({
  name: z.string().refine((v) => NAME.test(v), "not a member name"),
  role: roleSchema,
  joined: z
    .string()
    .refine(isIsoDate, "not a date (YYYY-MM-DD)")
    .or(z.date().transform((d) => d.toISOString().slice(0, 10))),
});

export function parseMemberFile(text: string, file: string): Member {
  return parseYamlWith(text, file, memberSchema);
}

export function printMemberFile(member: Member): string {
  return `name: "${member.name}"\nrole: ${member.role}\njoined: "${member.joined}"\n`;
}

const markerSchema = z.looseObject({ ppppt: z.literal("team"), format: z.number().int() });

export function printTeamMarker(): string {
  return `# A ppppt team: one folder per member under members/ (docs/team.md in ppppt)\nppppt: team\nformat: ${TEAM_FORMAT}\n`;
}

export function checkTeamMarker(text: string, file: string): void {
  const marker = parseYamlWith(text, file, markerSchema);
  if (marker.format > TEAM_FORMAT) {
    throw new PpppptError(
      `this team repository is format ${marker.format}; this ppppt reads ${TEAM_FORMAT}`,
      {
        file,
        hint: "Update ppppt.",
      },
    );
  }
}
