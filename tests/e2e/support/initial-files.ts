import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entryAttribute, entryImportsAttribute } from '../../../src/app/first-screen.ts';

/**
 * The files index.html has a phone load before the first screen works: every script, module preload and
 * stylesheet it links, and the entry and entry imports its boot script adds once the page is painted, as paths
 * inside the build folder.
 */
export async function initialFiles(distDir: string): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const local = (url: string) => url.replace(/^\.?\//, '');
  return [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].flatMap(([tag]) => {
    const url = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const loaded = tag.startsWith('<script') || /rel="(modulepreload|stylesheet)"/.test(tag);
    const entry = new RegExp(`\\s${entryAttribute}="([^"]+)"`).exec(tag)?.[1];
    const imports = new RegExp(`\\s${entryImportsAttribute}='([^']+)'`).exec(tag)?.[1];
    return [
      ...(loaded && url ? [url] : []),
      ...(entry ? [entry] : []),
      ...(imports ? (JSON.parse(imports) as string[]) : []),
    ].map(local);
  });
}
