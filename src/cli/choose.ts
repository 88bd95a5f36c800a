import type { Choose, CliIO } from "./io.js";

/** The terminal's multiple-choice question: the IO's own (tests), else @clack/prompts. */
export function chooserOf(io: CliIO): Choose {
  return io.choose ?? clackChoose;
}

async function clackChoose(question: Parameters<Choose>[0]): Promise<string | undefined> {
  const clack = await import("@clack/prompts");
  const value = await clack.select<string>({
    message: question.message,
    options: question.choices.map((c) => ({ value: c.value, label: c.label })),
    initialValue: question.initial,
  });
  return clack.isCancel(value) ? undefined : value;
}
