/** Replaced at build time by `define` in vite.config.ts (Vitest shares that config). */
declare const __TAPFIX_CONTENT_VERSION__: string;
