/** The `--role` option every lens report takes (kept apart so registering it loads nothing). */
export const ROLE_OPTION = [
  "--role <role>",
  "judge against this role's target mix (default: role in the config file, else manager)",
] as const;
