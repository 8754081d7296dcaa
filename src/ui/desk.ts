import { useSyncExternalStore } from 'react';

/** From this width an agent's desk layout shows the script beside the answers. */
const deskQuery = '(min-width: 1024px)';

function subscribe(onChange: () => void) {
  const list = globalThis.matchMedia?.(deskQuery);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

const isDesk = () => globalThis.matchMedia?.(deskQuery).matches ?? false;

/** True on a screen wide enough for the desk layout; false on phones and where media queries are unknown. */
export function useDesk(): boolean {
  return useSyncExternalStore(subscribe, isDesk, () => false);
}
