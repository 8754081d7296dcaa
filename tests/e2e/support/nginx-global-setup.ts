import { startNginx } from './nginx.ts';
import { distDir } from './paths.ts';

/** Serves the build under test with .deploy/nginx/tapfix.conf for the nginx project; returns the teardown. */
export default async function serveWithNginx() {
  const server = await startNginx(distDir, { port: Number(process.env.TAPFIX_E2E_NGINX_PORT) });
  return () => server.close();
}
