/**
 * Elder-friendly mode (适老化): large type, high contrast, big touch targets. Kept in localStorage
 * and applied as the `elder` class on <html> (CSS) and, through `useElderMode`, to the antd themes.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'leifeng.elder';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let elder = read();
document.documentElement.classList.toggle('elder', elder);

export function setElderMode(on: boolean) {
  elder = on;
  try {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.classList.toggle('elder', on);
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useElderMode(): boolean {
  return useSyncExternalStore(subscribe, () => elder);
}
