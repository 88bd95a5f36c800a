import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import type { ItemLine } from "../core/docket/item.js";
import { parseDocket, readOnlyItemLines } from "../core/docket/parse.js";
import { PpppptError } from "../core/errors.js";
import type { Period } from "../core/lens/period.js";
import type { Role } from "../core/lens/roles.js";
import {
  checkTeamMarker,
  MEMBERS_DIR,
  type Member,
  memberFilePath,
  memberFolder,
  ownerOfPath,
  parseMemberFile,
  printMemberFile,
  printTeamMarker,
  requireMemberName,
  sharedDocketPath,
  sharedDonePath,
  TEAM_MARKER,
} from "../core/team/member.js";
import { type TeamBalance, type TeamMemberInput, teamBalance } from "../core/team/roll-up.js";
import { lensSettingsOf, readConfigFile } from "./config-file.js";
import { acquireLock } from "./docket-file.js";
import type { Env } from "./paths.js";

/**
 * The team repository (docs/team.md), through the system git: `execFile` with fixed argument
 * lists, never a shell, user text only ever one argument (after `--` where git would read an
 * option). Git never prompts: a remote that wants a password fails at once and says so.
 *
 * The clone lives in ppppt's data folder ($XDG_DATA_HOME/ppppt/team); which member this machine
 * is, and when it last synced, are kept in the clone's own git config (`ppppt.member`,
 * `ppppt.lastsync`), so nothing about the team is written anywhere else.
 */

export const TEAM_BRANCH = "main";

/** Files in the clone are ours to write, but a half-written one must never be committed. */
async function writeFileAtomic(path: string, text: string): Promise<void> {
  const { default: write } = await import("write-file-atomic");
  await write(path, text, { fsync: true });
}
/** The trailer each of our commits carries: whose folder the commit may change. */
export const MEMBER_TRAILER = "Ppppt-Member";
const PUSH_ATTEMPTS = 6;

export function teamCloneDir(env: Env): string {
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return join(data, "ppppt", "team");
}

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

function gitEnv(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...env };
  // A ppppt run from inside a git hook must not act on the hook's repository.
  for (const key of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"]) {
    delete out[key];
  }
  out.GIT_TERMINAL_PROMPT = "0";
  out.GCM_INTERACTIVE = "never";
  out.GIT_SSH_COMMAND = env.GIT_SSH_COMMAND ?? "ssh -o BatchMode=yes";
  out.LC_ALL = "C";
  out.LANGUAGE = "C";
  return out;
}

/** Options every call passes: no `ext::` transport (it runs commands), paths printed as they are. */
const SAFE = ["-c", "protocol.ext.allow=never", "-c", "core.quotePath=false"];

function runGit(args: readonly string[], env: Env, cwd?: string): Promise<GitResult> {
  return new Promise((done, fail) => {
    execFile(
      "git",
      [...SAFE, ...args],
      { cwd, env: gitEnv(env), maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          fail(
            new PpppptError("git is not installed (team sync uses the system git)", {
              hint: "Install git (apt-get install git) and try again.",
            }),
          );
          return;
        }
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** The first line git wrote to say what went wrong, without its "fatal: " prefix. */
function gitSays(r: GitResult): string {
  const line =
    r.stderr
      .split("\n")
      .map((l) => l.trim())
      .find((l) => /^(fatal|error|remote):/.test(l)) ??
    r.stderr.trim().split("\n")[0] ??
    "";
  return line.replace(/^(fatal|error): /, "") || `git exited with ${r.code}`;
}

async function gitOk(args: readonly string[], env: Env, cwd?: string): Promise<string> {
  const r = await runGit(args, env, cwd);
  if (r.code !== 0) {
    throw new PpppptError(`git ${args[0]} failed: ${gitSays(r)}`, cwd ? { file: cwd } : {});
  }
  return r.stdout;
}

/** A repository address git reads: a URL, scp-like `host:path`, or a local path. */
function checkRepoAddress(repo: string): void {
  if (repo.trim() === "" || repo.startsWith("-")) {
    throw new PpppptError(`"${repo}" is not a repository`, {
      hint: "Give a path (/srv/team.git) or a URL git understands (ssh://, https://, file://).",
    });
  }
}

function isLocalPath(repo: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo)) return false;
  // scp-like host:path, as git reads it: a colon before any slash.
  const colon = repo.indexOf(":");
  const slash = repo.indexOf("/");
  return isAbsolute(repo) || colon === -1 || (slash !== -1 && slash < colon);
}

/** The identity commits are made with: the user's git config, else the member's name. */
async function identity(env: Env, name: string, cwd?: string): Promise<string[]> {
  const has = (key: string) =>
    runGit(["config", "--get", key], env, cwd).then((r) => r.code === 0 && r.stdout.trim() !== "");
  const email = env.GIT_AUTHOR_EMAIL || env.EMAIL || (await has("user.email"));
  const user = env.GIT_AUTHOR_NAME || (await has("user.name"));
  const out: string[] = [];
  if (!user) out.push("-c", `user.name=${name}`);
  if (!email) out.push("-c", `user.email=${name}@ppppt.invalid`);
  return out;
}

async function commit(dir: string, env: Env, member: string, subject: string): Promise<void> {
  await gitOk(
    [
      ...(await identity(env, member, dir)),
      "commit",
      "--no-verify",
      "--quiet",
      "-m",
      subject,
      "-m",
      `${MEMBER_TRAILER}: ${member}`,
    ],
    env,
    dir,
  );
}

// ---------------------------------------------------------------------------------------------
// init

export interface InitResult {
  repo: string;
  created: boolean;
}

/**
 * Makes REPO a team: a new bare repository when a local path does not exist, or an existing
 * empty one (local or remote) given its first commit, the team marker. A repository with
 * history is refused: ppppt never rewrites one.
 */
export async function initTeamRepo(repoGiven: string, env: Env): Promise<InitResult> {
  checkRepoAddress(repoGiven);
  const local = isLocalPath(repoGiven);
  const repo = local ? resolve(repoGiven) : repoGiven;
  let created = false;
  if (local) {
    if (!existsSync(repo) || (await readdir(repo)).length === 0) {
      await mkdir(repo, { recursive: true });
      await gitOk(
        ["init", "--quiet", "--bare", `--initial-branch=${TEAM_BRANCH}`, "--", repo],
        env,
      );
      created = true;
    } else {
      const bare = await runGit(["rev-parse", "--is-bare-repository"], env, repo);
      if (bare.code !== 0) {
        throw new PpppptError("this folder is not empty and not a git repository", {
          file: repo,
          hint: "Give a new path, or an empty bare repository (git init --bare).",
        });
      }
      if (bare.stdout.trim() !== "true") {
        throw new PpppptError("a team repository must be bare: everyone pushes to it", {
          file: repo,
          hint: `Make one with \`git init --bare ${repo}.git\`, or give a path that does not exist yet.`,
        });
      }
    }
  }
  const heads = await runGit(["ls-remote", "--heads", "--", repo], env);
  if (heads.code !== 0) {
    throw new PpppptError(`cannot reach ${repo}: ${gitSays(heads)}`, {
      hint: "Check the address and that you can fetch from it with git.",
    });
  }
  if (heads.stdout.trim() !== "") {
    const marker = await remoteHasMarker(repo, env);
    throw new PpppptError(
      marker ? `${repo} is already a team` : `${repo} already has history and is not a team`,
      {
        hint: marker
          ? `Join it: ppppt team join ${repo} --as NAME --role ROLE`
          : "ppppt only takes an empty repository; give a new path or an empty one.",
      },
    );
  }
  const work = await mkdtemp(join(tmpdir(), "ppppt-team-init-"));
  try {
    await gitOk(["init", "--quiet", `--initial-branch=${TEAM_BRANCH}`, "--", work], env);
    await writeFileAtomic(join(work, TEAM_MARKER), printTeamMarker());
    await mkdir(join(work, MEMBERS_DIR));
    await gitOk(["add", "--", TEAM_MARKER], env, work);
    await gitOk(
      [
        ...(await identity(env, "ppppt", work)),
        "commit",
        "--no-verify",
        "--quiet",
        "-m",
        "A ppppt team",
      ],
      env,
      work,
    );
    await gitOk(["push", "--quiet", "--", repo, `HEAD:refs/heads/${TEAM_BRANCH}`], env, work);
    if (local) {
      // A bare repository made by an older git points HEAD at master: clones must land on main.
      await gitOk(["symbolic-ref", "HEAD", `refs/heads/${TEAM_BRANCH}`], env, repo);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { repo, created };
}

async function remoteHasMarker(repo: string, env: Env): Promise<boolean> {
  const work = await mkdtemp(join(tmpdir(), "ppppt-team-peek-"));
  try {
    const r = await runGit(
      ["clone", "--quiet", "--depth", "1", "--branch", TEAM_BRANCH, "--", repo, work],
      env,
    );
    return r.code === 0 && existsSync(join(work, TEAM_MARKER));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// the clone

export interface TeamClone {
  dir: string;
  member: string;
}

async function configValue(dir: string, env: Env, key: string): Promise<string | undefined> {
  const r = await runGit(["config", "--local", "--get", key], env, dir);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The team this machine is in, or a clear error saying how to join one. */
export async function openTeamClone(env: Env): Promise<TeamClone> {
  const dir = teamCloneDir(env);
  const member = existsSync(join(dir, ".git"))
    ? await configValue(dir, env, "ppppt.member")
    : undefined;
  if (!member) {
    throw new PpppptError("you are not in a team on this machine", {
      hint: "Join one: ppppt team join REPO --as NAME --role ROLE (or make one: ppppt team init REPO).",
    });
  }
  return { dir, member };
}

export async function readMembers(dir: string): Promise<Member[]> {
  const root = join(dir, MEMBERS_DIR);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new PpppptError(`cannot read the team's members: ${(error as Error).message}`, {
      file: root,
    });
  }
  const out: Member[] = [];
  for (const name of names.sort()) {
    const file = join(dir, memberFilePath(name));
    if (!existsSync(file)) continue;
    out.push(parseMemberFile(await readFile(file, "utf8"), file));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// join

export interface JoinInput {
  repo: string;
  name: string;
  role: Role;
  joined: string;
  /** The filtered docket and done file this member shares at once. */
  shared: SharedFiles;
}

export async function joinTeam(input: JoinInput, env: Env): Promise<SyncResult & { dir: string }> {
  checkRepoAddress(input.repo);
  const name = requireMemberName(input.name);
  const repo = isLocalPath(input.repo) ? resolve(input.repo) : input.repo;
  const dir = teamCloneDir(env);
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    const member = existsSync(join(dir, ".git"))
      ? await configValue(dir, env, "ppppt.member")
      : undefined;
    throw new PpppptError(
      member ? `you are already in a team here, as ${member}` : "the team folder is not empty",
      { file: dir, hint: "Leave it first: ppppt team leave." },
    );
  }
  await mkdir(join(dir, ".."), { recursive: true });
  const cloned = await runGit(
    ["clone", "--quiet", "--branch", TEAM_BRANCH, "--origin", "origin", "--", repo, dir],
    env,
  );
  if (cloned.code !== 0) {
    await rm(dir, { recursive: true, force: true });
    const said = gitSays(cloned);
    throw new PpppptError(`cannot clone ${repo}: ${said}`, {
      hint: /not found in upstream|Remote branch/.test(said)
        ? `It has no ${TEAM_BRANCH} branch: make it a team first with ppppt team init ${repo}.`
        : "Check the address and that git can fetch from it.",
    });
  }
  try {
    const marker = join(dir, TEAM_MARKER);
    if (!existsSync(marker)) {
      throw new PpppptError(`${repo} is not a ppppt team (no ${TEAM_MARKER})`, {
        hint: `Make one with ppppt team init on a new or empty repository.`,
      });
    }
    checkTeamMarker(await readFile(marker, "utf8"), marker);
    const taken = (await readMembers(dir)).find((m) => m.name === name);
    if (taken) {
      throw new PpppptError(
        `the name ${name} is taken in this team (${taken.role}, joined ${taken.joined})`,
        {
          hint: "Choose another with --as.",
        },
      );
    }
    await mkdir(join(dir, memberFolder(name)), { recursive: true });
    await writeFileAtomic(
      join(dir, memberFilePath(name)),
      printMemberFile({ name, role: input.role, joined: input.joined }),
    );
    await gitOk(["config", "--local", "ppppt.member", name], env, dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const result = await syncTeam(
    { shared: input.shared, now: new Date() },
    env,
    `${name} joins as ${input.role}`,
  );
  return { ...result, dir };
}

// ---------------------------------------------------------------------------------------------
// sync

export type SyncOutcome =
  /** Pushed (or nothing to push and up to date). */
  | "synced"
  /** Committed locally; the remote could not be reached. The next sync pushes it. */
  | "offline"
  /** Someone else changed a member's files: nothing merged. */
  | "refused"
  /** The histories could not be merged without a person's help: nothing overwritten. */
  | "diverged";

export interface SyncResult {
  outcome: SyncOutcome;
  member: string;
  /** Our own commit made this time (a change to the shared docket or member file). */
  committed: boolean;
  /** Commits from the others merged in. */
  received: number;
  /** Push attempts (a push refused because someone pushed first is retried after a pull). */
  attempts: number;
  /** For every outcome but "synced": what happened and what to do. */
  problem?: PpppptError;
}

export interface SyncInput {
  /** The filtered copies of this member's docket and done file (shared-docket.ts). */
  shared: SharedFiles;
  now: Date;
}

export interface SharedFiles {
  docket: string;
  done: string;
}

/**
 * Pull, commit our own docket, push; a refused push is retried after another pull, so two
 * people syncing at once both land. Only our own folder is ever added, and a change in the
 * clone to anyone else's file is refused before anything is committed.
 */
export async function syncTeam(input: SyncInput, env: Env, subject?: string): Promise<SyncResult> {
  const clone = await openTeamClone(env);
  const release = await acquireLock(clone.dir, { lockWaitMs: 20_000 });
  try {
    return await syncUnderLock(clone, input, env, subject);
  } finally {
    await release();
  }
}

async function syncUnderLock(
  { dir, member }: TeamClone,
  input: SyncInput | undefined,
  env: Env,
  subject?: string,
): Promise<SyncResult> {
  await refuseForeignWorkingChanges(dir, member, env);
  const own = memberFolder(member);
  if (input) {
    if (!existsSync(join(dir, memberFilePath(member)))) {
      throw new PpppptError(
        `your member file ${memberFilePath(member)} is gone from the team clone`,
        {
          file: dir,
          hint: "Leave and join again: ppppt team leave, then ppppt team join REPO --as NAME --role ROLE.",
        },
      );
    }
    await writeFileAtomic(join(dir, sharedDocketPath(member)), input.shared.docket);
    const done = join(dir, sharedDonePath(member));
    // No done file at home, none in the team: an empty one would be noise in every clone.
    if (input.shared.done !== "") await writeFileAtomic(done, input.shared.done);
    else if (existsSync(done)) await rm(done);
  }
  // After a leave that could not be pushed, the folder is gone from disk and from the index:
  // git refuses a path that matches nothing, and there is nothing left to add.
  const tracked = (await gitOk(["ls-files", "--", own], env, dir)).trim() !== "";
  if (tracked || existsSync(join(dir, own))) await gitOk(["add", "--all", "--", own], env, dir);
  const staged = await runGit(["diff", "--cached", "--quiet", "--", own], env, dir);
  const committed = staged.code !== 0;
  if (committed) await commit(dir, env, member, subject ?? `${member}: docket synced`);
  const result = await publish(dir, member, env);
  if (result.outcome === "synced") {
    await gitOk(
      ["config", "--local", "ppppt.lastsync", (input?.now ?? new Date()).toISOString()],
      env,
      dir,
    );
  }
  return { ...result, committed };
}

/** Fetch, check and merge what the others pushed, push ours; again when someone pushed first. */
async function publish(
  dir: string,
  member: string,
  env: Env,
): Promise<Omit<SyncResult, "committed">> {
  let received = 0;
  for (let attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
    const fetched = await runGit(["fetch", "--quiet", "origin", TEAM_BRANCH], env, dir);
    if (fetched.code !== 0) {
      return {
        outcome: "offline",
        member,
        received,
        attempts: attempt,
        problem: new PpppptError(`cannot reach the team repository: ${gitSays(fetched)}`, {
          hint: "Your docket is committed in the team clone; the next ppppt team sync sends it.",
        }),
      };
    }
    const remote = `origin/${TEAM_BRANCH}`;
    const incoming = Number(
      (await gitOk(["rev-list", "--count", `HEAD..${remote}`], env, dir)).trim(),
    );
    if (incoming > 0) {
      const foreign = await foreignChanges(dir, env, `HEAD...${remote}`, `HEAD..${remote}`);
      if (foreign.length > 0) {
        const f = foreign[0] as ForeignChange;
        return {
          outcome: "refused",
          member,
          received,
          attempts: attempt,
          problem: new PpppptError(
            `commit ${f.commit.slice(0, 10)} by ${f.author} changes ${f.file}, which only ${f.owner} writes: nothing was merged${foreign.length > 1 ? ` (${foreign.length} such files)` : ""}`,
            {
              file: dir,
              hint: `Ask ${f.author} to undo it (git revert ${f.commit.slice(0, 10)}) and push; or ${f.owner} syncs again, which writes the file back. Your own docket is committed here and goes with the next sync.`,
            },
          ),
        };
      }
      const merged = await runGit(
        [
          ...(await identity(env, member, dir)),
          "merge",
          "--no-verify",
          "--quiet",
          "-m",
          `${member}: merge the team`,
          "-m",
          `${MEMBER_TRAILER}: ${member}`,
          remote,
        ],
        env,
        dir,
      );
      if (merged.code !== 0) {
        const conflicted = (
          await runGit(["diff", "--name-only", "--diff-filter=U"], env, dir)
        ).stdout
          .split("\n")
          .filter((l) => l !== "");
        await runGit(["merge", "--abort"], env, dir);
        return {
          outcome: "diverged",
          member,
          received,
          attempts: attempt,
          problem: new PpppptError(
            `your team clone and the team repository have diverged and do not merge by themselves${conflicted.length > 0 ? `: ${conflicted.join(", ")} changed on both sides` : `: ${gitSays(merged)}`}. Nothing was overwritten`,
            {
              file: dir,
              hint: `Look with \`git -C ${dir} log --oneline --graph --all\`, merge ${remote} by hand (every member's files are their own), then ppppt team sync again.`,
            },
          ),
        };
      }
      received += incoming;
    }
    const ahead = Number(
      (await gitOk(["rev-list", "--count", `${remote}..HEAD`], env, dir)).trim(),
    );
    if (ahead === 0) return { outcome: "synced", member, received, attempts: attempt };
    const pushed = await runGit(
      ["push", "--quiet", "origin", `HEAD:refs/heads/${TEAM_BRANCH}`],
      env,
      dir,
    );
    if (pushed.code === 0) return { outcome: "synced", member, received, attempts: attempt };
    if (
      !/rejected|fetch first|non-fast-forward|cannot lock ref|failed to update ref/.test(
        pushed.stderr,
      )
    ) {
      return {
        outcome: "offline",
        member,
        received,
        attempts: attempt,
        problem: new PpppptError(`cannot push to the team repository: ${gitSays(pushed)}`, {
          hint: "Your docket is committed in the team clone; the next ppppt team sync sends it.",
        }),
      };
    }
    // Someone pushed between our fetch and our push: fetch their work and try again, after a
    // short, varied pause so two retrying syncs do not keep colliding.
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 80 * attempt)));
  }
  return {
    outcome: "offline",
    member,
    received,
    attempts: PUSH_ATTEMPTS,
    problem: new PpppptError(`others kept pushing first, ${PUSH_ATTEMPTS} times`, {
      hint: "Your docket is committed in the team clone; run ppppt team sync again.",
    }),
  };
}

export interface ForeignChange {
  commit: string;
  author: string;
  file: string;
  owner: string;
}

/**
 * Files under a member's folder that the incoming history changes, where the last commit to
 * touch the file was not that member's. `netRange` (three dots) gives the files that really
 * differ; `logRange` the commits to blame. A change undone before it reaches us (a revert)
 * differs in nothing and passes; a member's own later sync, which writes their file again,
 * makes them its last writer.
 */
export async function foreignChanges(
  dir: string,
  env: Env,
  netRange: string,
  logRange: string,
): Promise<ForeignChange[]> {
  const changed = (await gitOk(["diff", "--name-only", "--no-renames", netRange, "--"], env, dir))
    .split("\n")
    .filter((f) => f !== "" && ownerOfPath(f) !== undefined);
  if (changed.length === 0) return [];
  const log = await gitOk(
    [
      "log",
      "--no-renames",
      "--cc",
      "--name-only",
      `--format=%x01%H%x02%an <%ae>%x02%(trailers:key=${MEMBER_TRAILER},valueonly,separator=%x2C)`,
      logRange,
      "--",
    ],
    env,
    dir,
  );
  const lastWriter = new Map<string, { commit: string; author: string; member: string }>();
  for (const block of log.split("\x01").slice(1)) {
    const [head = "", ...files] = block.split("\n");
    const [commitId = "", author = "", member = ""] = head.split("\x02");
    for (const file of files) {
      // Newest first: the first commit naming a file is its last writer.
      if (file !== "" && !lastWriter.has(file))
        lastWriter.set(file, { commit: commitId, author, member: member.trim() });
    }
  }
  const out: ForeignChange[] = [];
  for (const file of changed) {
    const owner = ownerOfPath(file) as string;
    const writer = lastWriter.get(file);
    if (writer && writer.member !== owner)
      out.push({ commit: writer.commit, author: writer.author, file, owner });
  }
  return out;
}

/** A file in the clone changed by hand outside our own folder would be pushed as ours: refused. */
async function refuseForeignWorkingChanges(dir: string, member: string, env: Env): Promise<void> {
  if (existsSync(join(dir, ".git", "MERGE_HEAD"))) {
    throw new PpppptError("a merge is under way in the team clone", {
      file: dir,
      hint: `Finish it (git -C ${dir} commit) or abandon it (git -C ${dir} merge --abort), then sync again.`,
    });
  }
  const status = await gitOk(["status", "--porcelain=v1", "-z", "--untracked-files=all"], env, dir);
  const own = `${memberFolder(member)}/`;
  const foreign: string[] = [];
  const entries = status.split("\0");
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    if (entry === "") continue;
    const code = entry.slice(0, 2);
    const path = entry.slice(3);
    if (!path.startsWith(own)) foreign.push(path);
    // A rename's entry is followed by the path it came from.
    if (code.includes("R") || code.includes("C")) i++;
  }
  if (foreign.length > 0) {
    throw new PpppptError(
      `the team clone has changes outside your own folder (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""}): ppppt only commits ${own}, and each member writes only their own`,
      {
        file: dir,
        hint: `Undo them with \`git -C ${dir} checkout -- ${foreign[0]}\` (or remove the new files), then sync again.`,
      },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// role, leave

/** Writes our own role into our member file; the next sync shares it. */
export async function setOwnRole(env: Env, name: string, role: Role): Promise<Member> {
  const clone = await openTeamClone(env);
  const who = requireMemberName(name);
  if (who !== clone.member) {
    throw new PpppptError(
      `only ${who} sets ${who}'s role: each member writes only their own files`,
      {
        hint: `Ask ${who} to run: ppppt team role ${who} ${role}`,
      },
    );
  }
  const file = join(clone.dir, memberFilePath(who));
  const member = parseMemberFile(await readFile(file, "utf8"), file);
  const next = { ...member, role };
  await writeFileAtomic(file, printMemberFile(next));
  return next;
}

/** Removes our folder from the team and pushes that; then the clone goes. Kept when offline. */
export async function leaveTeam(env: Env): Promise<SyncResult> {
  const clone = await openTeamClone(env);
  const release = await acquireLock(clone.dir, { lockWaitMs: 20_000 });
  let result: SyncResult;
  try {
    const folder = join(clone.dir, memberFolder(clone.member));
    if (existsSync(folder)) await rm(folder, { recursive: true, force: true });
    result = await syncUnderLock(clone, undefined, env, `${clone.member} leaves the team`);
  } finally {
    await release();
  }
  if (result.outcome === "synced") await rm(clone.dir, { recursive: true, force: true });
  else if (result.problem) {
    result = {
      ...result,
      problem: new PpppptError(result.problem.message, {
        file: clone.dir,
        hint: "Your leaving is committed in the team clone, which stays until it is sent: run ppppt team leave again.",
      }),
    };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// reading the team

export interface TeamSnapshot {
  dir: string;
  me: string;
  /** When this machine last synced successfully (ISO instant). */
  lastSync: string | undefined;
  members: TeamMemberInput[];
}

/** Every member's shared docket as of the last sync (no network: `team sync` fetches). */
export async function readTeam(env: Env): Promise<TeamSnapshot> {
  const { dir, member: me } = await openTeamClone(env);
  const members = await readMembers(dir);
  const when = await lastCommitOfEach(dir, env);
  const out: TeamMemberInput[] = [];
  for (const m of members) {
    out.push({
      member: m,
      lines: await readSharedFile(join(dir, sharedDocketPath(m.name))),
      doneLines: await readSharedFile(join(dir, sharedDonePath(m.name))),
      lastSync: when.get(m.name),
    });
  }
  return { dir, me, lastSync: await configValue(dir, env, "ppppt.lastsync"), members: out };
}

async function readSharedFile(file: string): Promise<ItemLine[]> {
  try {
    await stat(file);
  } catch {
    return [];
  }
  return readOnlyItemLines(parseDocket(await readFile(file)));
}

/** Each member's newest commit time, from the trailer our commits carry: one pass over the log. */
async function lastCommitOfEach(dir: string, env: Env): Promise<Map<string, string>> {
  const r = await runGit(
    ["log", `--format=%cI%x09%(trailers:key=${MEMBER_TRAILER},valueonly,separator=%x2C)`],
    env,
    dir,
  );
  const out = new Map<string, string>();
  if (r.code !== 0) return out;
  for (const line of r.stdout.split("\n")) {
    const [when = "", who = ""] = line.split("\t");
    const name = who.trim();
    if (name !== "" && !out.has(name)) out.set(name, when);
  }
  return out;
}

/**
 * The roll-up as `team balance --json` and the dashboard show it: every member's shared docket,
 * judged with this machine's config (role mixes, starving weeks) and categoriser.
 */
export async function readTeamRollUp(
  env: Env,
  period: Period,
  today: IsoDate,
  categoriserFor: (titles: string[]) => Promise<Categoriser>,
): Promise<{ rollUp: TeamBalance; snapshot: TeamSnapshot }> {
  const snapshot = await readTeam(env);
  const config = await readConfigFile(env);
  const untagged = snapshot.members.flatMap((m) =>
    [...m.lines, ...m.doneLines]
      .filter((l) => l.item.category === undefined)
      .map((l) => l.item.title),
  );
  const categorise = untagged.length > 0 ? await categoriserFor(untagged) : () => undefined;
  const rollUp = teamBalance(snapshot.members, period, today, {
    mixes: config.mixes,
    starvingWeeks: lensSettingsOf(config).starvingWeeks,
    categorise,
  });
  return { rollUp, snapshot };
}
