/**
 * antd's and antd-mobile's `es/` files are ES modules, but their packages are not marked as such, so
 * TypeScript (NodeNext) types a default import as the whole CommonJS module. Vite hands over the real
 * default export; this picks whichever shape arrives.
 */
export function defaultExport<T>(imported: unknown): T {
  const m = imported as { default?: T };
  return m.default ?? (imported as T);
}
