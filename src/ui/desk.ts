import { useSyncExternalStore } from 'react';

/** From this width an agent's desk layout shows the script beside the answers. */
const deskQuery = '(min-width: 1024px)';

/** One query list for the page: read at every render of a step, a new one each time cost more than the rest of the hook. */
let deskList: { from: typeof globalThis.matchMedia | undefined; list: MediaQueryList | null } | null = null;
function desk(): MediaQueryList | null {
  // Asked again if matchMedia itself is replaced (a test's stub).
  if (!deskList || deskList.from !== globalThis.matchMedia) {
    deskList = { from: globalThis.matchMedia, list: globalThis.matchMedia?.(deskQuery) ?? null };
  }
  return deskList.list;
}

function subscribe(onChange: () => void) {
  const list = desk();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

const isDesk = () => desk()?.matches ?? false;

/** True on a screen wide enough for the desk layout; false on phones and where media queries are unknown. */
export function useDesk(): boolean {
  return useSyncExternalStore(subscribe, isDesk, () => false);
}
