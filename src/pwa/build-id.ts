declare const __TAPFIX_BUILD__: string;

/** The build this page came from: the package version, or TAPFIX_BUILD_ID at build time (also in <meta name="tapfix-build">). */
export const buildId: string = __TAPFIX_BUILD__;
