import type { Command } from "commander";
import type { CliIO } from "../io.js";
import { registerAdd } from "./add.js";
import { registerArchive } from "./archive.js";
import { registerAssess } from "./assess.js";
import { registerBalance } from "./balance.js";
import { registerCheck } from "./check.js";
import { registerClassify } from "./classify.js";
import { registerDemo } from "./demo.js";
import { registerDone } from "./done.js";
import { registerEdit } from "./edit.js";
import { registerInit } from "./init.js";
import { registerList } from "./list.js";
import { registerNext } from "./next.js";
import { registerPlan } from "./plan.js";
import { registerPlaybook } from "./playbook.js";
import { registerRecat } from "./recat.js";
import { registerReview } from "./review.js";
import { registerRm } from "./rm.js";
import { registerShow } from "./show.js";
import { registerWhy } from "./why.js";

/** Every command, in the order `ppppt --help` lists them. One file per command. */
export function registerCommands(program: Command, io: CliIO): void {
  registerInit(program, io);
  registerAdd(program, io);
  registerList(program, io);
  registerShow(program, io);
  registerDone(program, io);
  registerEdit(program, io);
  registerRecat(program, io);
  registerRm(program, io);
  registerCheck(program, io);
  registerArchive(program, io);
  registerNext(program, io);
  registerBalance(program, io);
  registerReview(program, io);
  registerPlaybook(program, io);
  registerAssess(program, io);
  registerPlan(program, io);
  registerDemo(program, io);
  registerClassify(program, io);
  registerWhy(program, io);
}
