/** `npm run content:check`: every content rule over the repository; exit 1 with one line per problem. */
import { fileURLToPath } from 'node:url';
import { checkRepository, formalWordPlaces } from './checker.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { errors, files, keys, locales } = checkRepository(root);

if (errors.length > 0) {
  for (const error of errors) console.error(error);
  console.error(`content:check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log(
  `content:check OK (${files} files, ${keys} keys, ${locales} locales; 终端/收单机构 only in ${formalWordPlaces()} allowed phrases, each with why)`,
);
