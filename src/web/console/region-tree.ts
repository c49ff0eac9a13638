/** Pure helpers over the flat, code-ordered region list the API returns. */

export interface RegionLike {
  code: string;
  parentCode: string | null;
  level: 'district' | 'subdistrict' | 'community';
  name: string;
  siteCount: number;
}

export interface RegionNode<R extends RegionLike = RegionLike> {
  region: R;
  children: RegionNode<R>[];
}

/** Nests the flat list under its roots (regions whose parent is not in the list). */
export function buildRegionTree<R extends RegionLike>(regions: readonly R[]): RegionNode<R>[] {
  const nodes = new Map<string, RegionNode<R>>();
  for (const region of regions) nodes.set(region.code, { region, children: [] });
  const roots: RegionNode<R>[] = [];
  for (const node of nodes.values()) {
    const parent = node.region.parentCode ? nodes.get(node.region.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Keeps the nodes whose name or code contains the query, with their ancestors; children of a match stay. */
export function filterRegionTree<R extends RegionLike>(tree: RegionNode<R>[], query: string): RegionNode<R>[] {
  const q = query.trim().toLowerCase();
  if (!q) return tree;
  const visit = (node: RegionNode<R>): RegionNode<R> | null => {
    if (node.region.name.toLowerCase().includes(q) || node.region.code.includes(q)) return node;
    const children = node.children.map(visit).filter((c): c is RegionNode<R> => c !== null);
    return children.length ? { region: node.region, children } : null;
  };
  return tree.map(visit).filter((n): n is RegionNode<R> => n !== null);
}

/** Counts by level and the total number of sites (each site belongs to exactly one region in the list). */
export function summariseRegions(regions: readonly RegionLike[]) {
  let subdistricts = 0;
  let communities = 0;
  let sites = 0;
  for (const r of regions) {
    if (r.level === 'subdistrict') subdistricts++;
    if (r.level === 'community') communities++;
    sites += r.siteCount;
  }
  return { subdistricts, communities, sites };
}

/** Every code in the tree (for "expand all" after a search). */
export function allCodes(tree: RegionNode[]): string[] {
  return tree.flatMap((n) => [n.region.code, ...allCodes(n.children)]);
}
