import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  headerPolicy as headerPolicyOf,
  inlineSourcesOf,
  metaPolicy,
} from '../../../src/app/content-security-policy.ts';
import { distDir } from './paths.ts';

/** What index.html of the build under test carries inline: the boot script and the critical CSS. */
export const inline = inlineSourcesOf(readFileSync(join(distDir, 'index.html'), 'utf8'));

/** The policy index.html must carry: the one source's directives with the hashes of what is inline. */
export const policy = metaPolicy(inline);

/** What nginx must send (the build's nginx-csp.conf): the same policy plus frame-ancestors, header only. */
export const headerPolicy = headerPolicyOf(inline);
