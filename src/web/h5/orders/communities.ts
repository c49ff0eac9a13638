/** The communities a resident picks from (public region tree), and the one they chose last time. */
import { useMemo } from 'react';
import { usePublicRegions } from '../../sites/data.js';
import type { Community } from '../CommunityPicker.js';

const KEY = 'leifeng.community';

export function storedCommunity(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberCommunity(code: string) {
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Private mode: remembered for this page only.
  }
}

export function useCommunities() {
  const regions = usePublicRegions();
  const list = useMemo<Community[]>(() => {
    const items = regions.data?.items ?? [];
    const names = new Map(items.map((r) => [r.code, r.name]));
    return items
      .filter((r) => r.level === 'community')
      .map((r) => ({ code: r.code, name: r.name, subdistrict: names.get(r.parentCode ?? '') ?? '' }));
  }, [regions.data]);
  return { list, query: regions };
}
