/** Which wording this build ships: a hash of every content file, computed in vite.config.ts. */
export const contentVersion: string = __TAPFIX_CONTENT_VERSION__;
