import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files index.html has a phone load before the first screen works: every script (the boot script and the
 * entry), module preloads and stylesheets, as paths inside the build folder.
 */
export async function initialFiles(distDir: string): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].flatMap(([tag]) => {
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const loaded = tag.startsWith('<script') || /rel="(modulepreload|stylesheet)"/.test(tag);
    return loaded && url ? [url.replace(/^\.?\//, '')] : [];
  });
}
