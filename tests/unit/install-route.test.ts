import { describe, expect, it } from 'vitest';
import { installRouteOf } from '../../src/pwa/install.ts';

const ua = {
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64',
  wechatIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
  alipay:
    'Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 AlipayChannelId/5136 AlipayClient/10.5.30.8000 Language/zh-Hans',
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  ipadDesktopSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
};

const route = (userAgent: string, { maxTouchPoints = 5, standalone = false } = {}) =>
  installRouteOf({ userAgent, maxTouchPoints, standalone });

describe('installRouteOf: what a browser can do to keep the app on the home screen', () => {
  it('sends in-app browsers (WeChat on Android and iPhone, Alipay) to the system browser', () => {
    expect(route(ua.wechatAndroid)).toBe('inApp');
    expect(route(ua.wechatIphone)).toBe('inApp');
    expect(route(ua.alipay)).toBe('inApp');
  });

  it('shows the Share-menu way in Safari on iPhone and on an iPad that asks for desktop pages', () => {
    expect(route(ua.iphoneSafari)).toBe('ios');
    expect(route(ua.ipadDesktopSafari)).toBe('ios');
    // The same user agent without touch is a Mac.
    expect(route(ua.ipadDesktopSafari, { maxTouchPoints: 0 })).toBeNull();
  });

  it('leaves other browsers to their own prompt event (Chrome on iPhone cannot install)', () => {
    expect(route(ua.androidChrome)).toBeNull();
    expect(route(ua.iphoneChrome)).toBeNull();
  });

  it('offers nothing once the app runs from the home screen', () => {
    expect(route(ua.iphoneSafari, { standalone: true })).toBeNull();
    expect(route(ua.wechatIphone, { standalone: true })).toBeNull();
  });
});
