import type { Command } from "commander";
import { CATEGORIES, CATEGORY_LABELS } from "../../core/category.js";
import { itemJson } from "../../core/docket/item-json.js";
import { PpppptError } from "../../core/errors.js";
import { ROLE_LABELS, requireRole } from "../../core/lens/roles.js";
import { roundHalfAway, signedPoints } from "../../core/lens/rounding.js";
import { requireMemberName } from "../../core/team/member.js";
import type { TeamBalance, TeamMemberInput } from "../../core/team/roll-up.js";
import { plural } from "../../core/wording.js";
import type { TeamSnapshot } from "../../store/team-repo.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { LAST_OPTION, type PeriodFlags, periodFromFlags } from "../period-option.js";
import { activityLines, balanceLines } from "../render-lens.js";

interface PeriodOptions extends PeriodFlags {
  json?: boolean;
}

/**
 * `ppppt team`: the director's roll-up over the dockets of the people below, through a git
 * repository (docs/team.md). The git work is in src/store/team-repo.ts, the maths in
 * src/core/team; this file turns flags into calls and results into text.
 */
export function registerTeam(program: Command, io: CliIO): void {
  const team = program
    .command("team")
    .description("a team's dockets, shared through git: the director's roll-up")
    .addHelpText(
      "after",
      "\nEach member's docket travels as a filtered copy: items tagged private:1 never leave\nthis machine, and with `team: {redact: true}` in the config names become initials.\n\nExamples:\n  ppppt team init /srv/git/leads.git\n  ppppt team join /srv/git/leads.git --as dana --role manager\n  ppppt team sync\n  ppppt team balance --last 90d",
    );

  // `ppppt team` alone: who you are in which team, and who else is in it. (No --json here:
  // commander would read it as the parent's and take it from every subcommand.)
  team.action(async (_o: unknown, command: Command) => {
    const ctx = contextOf(io, command);
    const { readTeam } = await import("../../store/team-repo.js");
    const t = await readTeam(ctx.env);
    ctx.out(`You are ${t.me} in the team cloned at ${t.dir}; last synced ${when(t.lastSync)}.`);
    for (const m of t.members) {
      const items = plural(m.lines.length + m.doneLines.length, "item");
      ctx.out(
        `  ${m.member.name.padEnd(16)} ${ROLE_LABELS[m.member.role].padEnd(16)} ${items.padEnd(12)} last sync ${when(m.lastSync)}`,
      );
    }
  });

  team
    .command("init <repo>")
    .description("make a new team repository (a path or a URL of an empty repository)")
    .action(async (repo: string, _o: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const { initTeamRepo } = await import("../../store/team-repo.js");
      const r = await initTeamRepo(repo, ctx.env);
      ctx.out(`${r.created ? "Made" : "Took"} the team repository ${r.repo}.`);
      ctx.out(`Everyone joins it with: ppppt team join ${r.repo} --as NAME --role ROLE`);
    });

  team
    .command("join <repo>")
    .description("clone a team and add yourself as a member")
    .requiredOption("--as <name>", "your name in the team (lower case: dana, dana.reyes)")
    .requiredOption(
      "--role <role>",
      "your role: manager, senior-manager, director, senior-director, vp",
    )
    .action(async (repo: string, options: { as: string; role: string }, command: Command) => {
      const ctx = contextOf(io, command);
      const name = requireMemberName(options.as);
      const role = requireRole(options.role);
      const { joinTeam } = await import("../../store/team-repo.js");
      const shared = await sharedCopy(ctx);
      const r = await joinTeam(
        { repo, name, role, joined: ctx.today(), shared: shared.files },
        ctx.env,
      );
      ctx.out(`Joined the team as ${name} (${ROLE_LABELS[role]}); the clone is ${r.dir}.`);
      ctx.out(sharedLine(shared));
      if (r.problem) throw r.problem;
    });

  team
    .command("role <name> <role>")
    .description("change your role in the team (shared at the next sync)")
    .action(async (name: string, roleText: string, _o: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const role = requireRole(roleText);
      const { setOwnRole } = await import("../../store/team-repo.js");
      const m = await setOwnRole(ctx.env, name, role);
      ctx.out(`${m.name} is now ${ROLE_LABELS[m.role]}; ppppt team sync shares it.`);
    });

  team
    .command("sync")
    .description("pull the team, commit your own docket (without private items), push")
    .option("--json", "print the outcome as JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const { syncTeam } = await import("../../store/team-repo.js");
      const shared = await sharedCopy(ctx);
      const r = await syncTeam({ shared: shared.files, now: ctx.io.now() }, ctx.env);
      if (options.json) {
        ctx.json({
          outcome: r.outcome,
          member: r.member,
          committed: r.committed,
          received: r.received,
          attempts: r.attempts,
          shared: shared.shared,
          keptPrivate: shared.privateItems,
          problem: r.problem?.message ?? null,
        });
      } else {
        ctx.out(sharedLine(shared));
        if (r.outcome === "synced") {
          const got =
            r.received > 0 ? `, ${plural(r.received, "commit")} from the team merged` : "";
          ctx.out(
            `Synced as ${r.member}${r.committed ? "" : " (your docket had not changed)"}${got}.`,
          );
        }
      }
      if (r.problem) throw r.problem;
    });

  periodOptions(team.command("balance"))
    .description("each member's mix against their role's target, and the team's")
    .option("--json", "print the roll-up as JSON")
    .action(async (options: PeriodOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const { rollUp, snapshot } = await teamRollUp(ctx, options);
      if (options.json) {
        ctx.json({ me: snapshot.me, lastSync: snapshot.lastSync ?? null, ...rollUp });
        return;
      }
      printRollUp(ctx, rollUp, snapshot);
    });

  periodOptions(team.command("review"))
    .description("who is starving which category, for how long, and what to coach")
    .option("--json", "print the review as JSON")
    .action(async (options: PeriodOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const { rollUp } = await teamRollUp(ctx, options);
      const [{ loadPlaybooks }, { teamReview }] = await Promise.all([
        import("../../store/playbook-files.js"),
        import("../../core/team/team-review.js"),
      ]);
      const review = teamReview(rollUp, await loadPlaybooks(ctx.env));
      if (options.json) {
        ctx.json({ period: rollUp.period, today: rollUp.today, people: review });
        return;
      }
      ctx.out(ctx.style.bold(`Team review, ${rollUp.period.label} (to ${rollUp.today})`));
      for (const p of review) {
        ctx.out("");
        ctx.out(
          ctx.style.bold(`${p.name}, ${ROLE_LABELS[p.role]}`) +
            ctx.style.dim(`  (last sync ${when(p.lastSync)})`),
        );
        if (p.needs.length === 0) ctx.out("  Nothing starving and nothing far under target.");
        for (const n of p.needs) {
          const how = n.starving
            ? n.idleDays === null
              ? "starving: nothing ever done"
              : `starving for ${plural(n.idleDays, "day")}`
            : `${n.under.toFixed(0)} points under target`;
          ctx.out(`  ${ctx.style.red(CATEGORY_LABELS[n.category])}: ${how}`);
          for (const t of n.topics) ctx.out(`    coach: ${t.title} (${t.id}) - ${t.prompt}`);
          if (n.topics.length === 0)
            ctx.out(ctx.style.dim("    no practice in the playbook for this role"));
        }
      }
    });

  periodOptions(team.command("show <name>"))
    .description("one member's shared items and mix")
    .option("--json", "print their items and mix as JSON")
    .action(async (nameText: string, options: PeriodOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const name = requireMemberName(nameText);
      const { rollUp, snapshot } = await teamRollUp(ctx, options);
      const person = rollUp.people.find((p) => p.name === name);
      const input = snapshot.members.find((m) => m.member.name === name) as TeamMemberInput;
      if (!person) {
        throw new PpppptError(`no member of the team is called ${name}`, {
          hint: `Members: ${rollUp.people.map((p) => p.name).join(", ") || "none yet"}.`,
        });
      }
      if (options.json) {
        ctx.json({ ...person, items: input.lines.map(itemJson) });
        return;
      }
      ctx.out(
        ctx.style.bold(`${name}, ${ROLE_LABELS[person.role]}: ${person.balance.period.label}`),
      );
      ctx.out(
        ctx.style.dim(`${plural(person.items, "shared item")}; last sync ${when(person.lastSync)}`),
      );
      for (const line of balanceLines(person.balance, ctx.style)) ctx.out(line);
      const starving = activityLines(person.activity, rollUp.starvingWeeks);
      if (starving.length > 0) {
        ctx.out("");
        ctx.out(ctx.style.bold("Starving"));
        for (const s of starving) ctx.out(`  ${ctx.style.red(s)}`);
      }
      ctx.out("");
      for (const l of input.lines) ctx.out(`  ${l.text}`);
    });

  team
    .command("leave")
    .description("remove yourself from the team and delete the clone on this machine")
    .action(async (_o: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const { leaveTeam } = await import("../../store/team-repo.js");
      const r = await leaveTeam(ctx.env);
      if (r.problem) throw r.problem;
      ctx.out(`${r.member} left the team; the clone on this machine is removed.`);
    });
}

function periodOptions(command: Command): Command {
  return command
    .option("--week", "this calendar week (Monday to today)")
    .option("--month", "this calendar month")
    .option("--quarter", "this calendar quarter")
    .option("--since <date>", 'from this date to today (2026-09-01, "3 weeks ago")')
    .option(...LAST_OPTION);
}

/** The filtered copies of this machine's docket and done file that sync commits. */
async function sharedCopy(ctx: CliContext) {
  const [
    { readConfigFile },
    { readDocketFile },
    { readDoneFile },
    { teamSettingsOf },
    { sharedDocket },
  ] = await Promise.all([
    import("../../store/config-file.js"),
    import("../../store/docket-file.js"),
    import("../../store/done-file.js"),
    import("../../core/team/team-settings.js"),
    import("../../core/team/shared-docket.js"),
  ]);
  const config = await readConfigFile(ctx.env);
  const settings = teamSettingsOf(config.raw, config.path);
  const { docket } = await readDocketFile(ctx.docketPath());
  const options = { redact: settings.redact, people: settings.people };
  const home = sharedDocket(docket.lines, options);
  const done = sharedDocket((await readDoneFile(ctx.docketPath())).lines, options);
  return {
    files: { docket: home.text, done: done.text },
    shared: home.shared + done.shared,
    privateItems: home.privateItems + done.privateItems,
    unredactable: home.unredactable + done.unredactable,
  };
}

function sharedLine(s: { shared: number; privateItems: number; unredactable: number }): string {
  const kept = s.privateItems + s.unredactable;
  return `Shared ${plural(s.shared, "item")}${kept > 0 ? `; ${plural(kept, "private item")} kept on this machine` : ""}.`;
}

async function teamRollUp(
  ctx: CliContext,
  options: PeriodOptions,
): Promise<{ rollUp: TeamBalance; snapshot: TeamSnapshot }> {
  const today = ctx.today();
  const period = await periodFromFlags(options, today);
  const [{ readTeamRollUp }, { loadGuesses }] = await Promise.all([
    import("../../store/team-repo.js"),
    import("../categoriser.js"),
  ]);
  return readTeamRollUp(ctx.env, period, today, (titles) => loadGuesses(ctx, titles));
}

function when(iso: string | undefined): string {
  return iso ? iso.replace("T", " ").slice(0, 16) : "never";
}

function printRollUp(ctx: CliContext, r: TeamBalance, snapshot: TeamSnapshot): void {
  ctx.out(
    ctx.style.bold(
      `Team balance ${r.period.label} (${r.period.start} to ${r.period.end}), ${plural(r.people.length, "member")}`,
    ),
  );
  ctx.out(ctx.style.dim(`As of this machine's last sync: ${when(snapshot.lastSync)}.`));
  const head = `${"".padEnd(22)}${CATEGORIES.map((c) => CATEGORY_LABELS[c].padStart(9)).join("")}   drift`;
  ctx.out(ctx.style.dim(head));
  for (const p of r.people) {
    const cells = p.balance.categories.map((row) =>
      (p.balance.total > 0 ? `${row.share.toFixed(0)}%/${row.target}` : `-/${row.target}`).padStart(
        9,
      ),
    );
    const drift = p.balance.total > 0 ? String(p.balance.driftPts) : "-";
    ctx.out(
      `${`${p.name} (${p.role})`.slice(0, 21).padEnd(22)}${cells.join("")}   ${drift.padStart(5)}`,
    );
    if (p.starving.length > 0) {
      ctx.out(
        ctx.style.red(
          `${"".padEnd(4)}starving: ${p.starving.map((s) => CATEGORY_LABELS[s.category]).join(", ")}`,
        ),
      );
    }
  }
  const teamCells = r.team.categories.map((c) =>
    (r.team.counted > 0 ? `${c.sharePct}%/${c.targetPct}` : "-").padStart(9),
  );
  ctx.out(
    `${`team (mean of ${r.team.counted})`.padEnd(22)}${teamCells.join("")}   ${r.team.counted > 0 ? String(roundHalfAway(r.team.drift)).padStart(5) : "    -"}`,
  );
  ctx.out(ctx.style.dim("Each cell: share of the period's effort / the role's target, percent."));
  const worst = [...r.team.categories].sort((a, b) => a.driftPts - b.driftPts)[0];
  if (worst && r.team.counted > 0 && worst.driftPts < 0) {
    ctx.out(
      `The team is furthest under target in ${CATEGORY_LABELS[worst.category]} (${signedPoints(worst.driftPts)} points).`,
    );
  }
}
