import { existsSync } from 'node:fs';

/** Flags this closed network needs; without them Chromium floods refused connections (see TOOLCHAIN.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** CHROME_PATH if set (and only then), else the Debian package's binary; undefined when it does not exist. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}
