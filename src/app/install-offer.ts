import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { HistoryStore } from '../persistence/history-store.ts';
import { loadInstallDismissed, saveInstallDismissed } from '../persistence/preferences.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { createInstallBridge, type InstallBridge, type InstallRoute } from '../pwa/install.ts';
import type { InstallOfferProps } from '../ui/install-offer.tsx';

/** How long "not now" keeps the offer away. */
export const installOfferPauseDays = 90;

const noInstall: InstallBridge = {
  subscribe: () => () => undefined,
  getSnapshot: () => null,
  prompt: async () => 'unavailable',
};

let browserBridge: InstallBridge | null = null;

/** The browser's install bridge, created once and early (the app's first render), so no prompt event is missed. */
export function browserInstallBridge(): InstallBridge {
  if (typeof window === 'undefined') return noInstall;
  browserBridge ??= createInstallBridge(window);
  return browserBridge;
}

const serverRoute = (): InstallRoute => null;

export interface InstallOfferOptions {
  /** Small preferences (localStorage): where a "not now" is remembered. */
  settings: KeyValueStorage | null;
  history: HistoryStore;
  /** On the home screen. */
  atHome: boolean;
  /** On the outcome of a finished diagnosis (the machine's `outcome` tag). */
  atOutcome: boolean;
  now: () => Date;
}

/**
 * The install offer to show now, or null. Only after a diagnosis has finished: on its outcome (below the answer)
 * and, once one has finished here before, at the foot of the home screen; never mid-diagnosis. Turned down, it
 * stays away for installOfferPauseDays.
 */
export function useInstallOffer(
  bridge: InstallBridge,
  { settings, history, atHome, atOutcome, now }: InstallOfferOptions,
): InstallOfferProps | null {
  const route = useSyncExternalStore(bridge.subscribe, bridge.getSnapshot, serverRoute);
  const [dismissedAt, setDismissedAt] = useState(() => loadInstallDismissed(settings));
  // Read only when there is something to offer on home: history is the record of finished diagnoses.
  const finishedBefore = useMemo(() => route !== null && atHome && history.list().length > 0, [route, atHome, history]);

  const dismiss = useCallback(() => {
    const at = now().toISOString();
    saveInstallDismissed(settings, at);
    setDismissedAt(at);
  }, [settings, now]);
  const install = useCallback(() => {
    void bridge.prompt().then((outcome) => {
      if (outcome === 'dismissed') dismiss();
    });
  }, [bridge, dismiss]);

  if (route === null || !(atOutcome || finishedBefore)) return null;
  if (dismissedAt && isRecent(dismissedAt, now())) return null;
  return { kind: route, onInstall: install, onDismiss: dismiss };
}

function isRecent(iso: string, now: Date): boolean {
  const at = Date.parse(iso);
  // An unreadable time counts as long ago: the offer may come back, it is never lost for good.
  return Number.isFinite(at) && now.getTime() - at < installOfferPauseDays * 24 * 60 * 60 * 1000;
}
