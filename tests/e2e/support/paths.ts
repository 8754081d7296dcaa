import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The build under test: run.mjs hands in a snapshot of dist/; dist/ itself when the config is used directly. */
export const distDir = process.env.TAPFIX_E2E_DIST ?? fileURLToPath(new URL('../../../dist/', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../.artifacts/', import.meta.url));
