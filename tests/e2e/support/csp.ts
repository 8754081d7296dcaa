/** The policy index.html carries (vite.config.ts puts it there at build time), directive by directive. */
export const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** What .deploy/nginx/tapfix.conf sends: the same policy plus frame-ancestors, which works only as a header. */
export const headerPolicy = `${policy}; frame-ancestors 'none'`;
