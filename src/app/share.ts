import type { ShareBridge } from '../ui/share-bridge.ts';

/** The browser's share sheet and clipboard, where this browser has them. */
export function browserShare(): ShareBridge {
  const nav = globalThis.navigator as Navigator | undefined;
  return {
    share: typeof nav?.share === 'function' ? (data) => nav.share(data) : undefined,
    copy: typeof nav?.clipboard?.writeText === 'function' ? (text) => nav.clipboard.writeText(text) : undefined,
  };
}
