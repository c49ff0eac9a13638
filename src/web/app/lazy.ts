import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: the constraint React.lazy itself puts on a component
type AnyComponent = ComponentType<any>;

/** A lazy component whose chunk can be fetched before it first draws. */
export type Preloadable<C extends AnyComponent> = LazyExoticComponent<C> & { preload: () => Promise<unknown> };

/** React.lazy for a module's named export: each page becomes its own chunk, fetched on first visit or `preload()`. */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): Preloadable<M[K]> {
  return Object.assign(
    lazy(async () => ({ default: (await load())[name] })),
    { preload: load },
  );
}
