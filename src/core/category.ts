/** The five kinds of leadership work, in the order ppppt always shows them. */
export const CATEGORIES = ["people", "product", "process", "public", "tech"] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  people: "People",
  product: "Product",
  process: "Process",
  public: "Public",
  tech: "Tech",
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Accepts any case and unambiguous prefixes ("peo", "Tech", "pub") so typing stays fast. */
export function parseCategory(value: string): Category | undefined {
  const v = value.trim().toLowerCase();
  if (isCategory(v)) return v;
  if (v.length < 2) return undefined;
  const matches = CATEGORIES.filter((c) => c.startsWith(v));
  return matches.length === 1 ? matches[0] : undefined;
}
