import { createStore, type ReadableStore } from './store.ts';

/**
 * How this browser can put the app on the home screen, where it works offline:
 * - `prompt`: the browser offered its own install prompt (beforeinstallprompt: Chrome, Edge, Samsung Internet…);
 * - `ios`: Safari on iPhone or iPad, which installs only from its Share menu;
 * - `inApp`: an app's built-in browser (WeChat, QQ, Alipay, Weibo, DingTalk, Facebook…), which cannot install
 *   and may drop the offline copy: the merchant should open the link in the system browser;
 * - `null`: nothing to offer (already installed, or a browser with no way to install).
 */
export type InstallRoute = 'prompt' | 'ios' | 'inApp' | null;

export type InstallOutcome = 'accepted' | 'dismissed' | 'unavailable';

/** Chromium's event, not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export interface InstallBridge extends ReadableStore<InstallRoute> {
  /** Shows the browser's own install prompt (route `prompt` only) and says what the merchant chose. */
  prompt(): Promise<InstallOutcome>;
}

/** User agents of in-app browsers: messaging, payment and social apps that open links inside themselves. */
const inAppBrowser =
  /MicroMessenger|WeChat|WeCom|wxwork|\bQQ\/|MQQBrowser.*\bQQ\b|AlipayClient|Weibo|DingTalk|Lark\/|Feishu|FBAN|FBAV|Instagram|\bLine\/|Douyin|aweme|BytedanceWebview|Toutiao|XiaoHongShu/i;

/** Safari on iOS and iPadOS; other iOS browsers (CriOS, FxiOS, EdgiOS…) and in-app views name themselves. */
function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const apple = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return apple && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS|YaBrowser|GSA\//.test(userAgent);
}

export interface BrowserTraits {
  userAgent: string;
  maxTouchPoints: number;
  /** Already running from the home screen. */
  standalone: boolean;
}

/** The route a browser offers before any install prompt event: known from what it says it is. */
export function installRouteOf({ userAgent, maxTouchPoints, standalone }: BrowserTraits): InstallRoute {
  if (standalone) return null;
  if (inAppBrowser.test(userAgent)) return 'inApp';
  if (isIosSafari(userAgent, maxTouchPoints)) return 'ios';
  return null;
}

function traitsOf(target: Window): BrowserTraits {
  const navigator = target.navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints,
    standalone: navigator.standalone === true || target.matchMedia?.('(display-mode: standalone)').matches === true,
  };
}

/**
 * Watches for the browser's install prompt from the moment it is created (Chrome may offer it before the app has
 * rendered) and keeps it for when the app chooses to offer installation.
 */
export function createInstallBridge(target: Window = window): InstallBridge {
  const route = createStore<InstallRoute>(installRouteOf(traitsOf(target)));
  let deferred: BeforeInstallPromptEvent | null = null;

  target.addEventListener('beforeinstallprompt', (event) => {
    // No mini-infobar in the middle of a diagnosis: the app offers it after one has finished.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    route.set('prompt');
  });
  target.addEventListener('appinstalled', () => {
    deferred = null;
    route.set(null);
  });

  return {
    subscribe: route.subscribe,
    getSnapshot: route.getSnapshot,
    async prompt() {
      const event = deferred;
      if (!event) return 'unavailable';
      // A prompt event serves once.
      deferred = null;
      route.set(null);
      try {
        await event.prompt();
        return (await event.userChoice).outcome;
      } catch {
        return 'unavailable';
      }
    },
  };
}
