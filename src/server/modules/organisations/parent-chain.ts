/**
 * Would making `parentId` the parent of `selfId` close a loop? Walks up from the new parent through
 * `parentOf` (id → parent id); a loop already present elsewhere in the data also answers true.
 */
export function wouldCreateCycle(
  selfId: string | null,
  parentId: string,
  parentOf: ReadonlyMap<string, string | null>,
): boolean {
  const seen = new Set<string>();
  let current: string | null | undefined = parentId;
  while (current) {
    if (current === selfId || seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}
