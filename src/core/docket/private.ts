import type { Item } from "./item.js";

/**
 * `private:1`: the one marker every shell honours (the deck, the team sync). Any value but an
 * explicit no (`0`, `no`, `false`, `off`) counts as private: when a user has gone to the
 * trouble of writing the tag, a typo in its value must not publish the item.
 */
export function isPrivate(item: Item): boolean {
  for (const tag of item.tags) {
    if (tag.key.toLowerCase() !== "private") continue;
    if (!/^(0|no|false|off)$/i.test(tag.value)) return true;
  }
  return false;
}
