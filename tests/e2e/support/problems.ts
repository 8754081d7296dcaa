import type { Page } from '@playwright/test';

/** What went wrong on a page, across reloads: console errors, uncaught errors and rejections, CSP violations. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

type ViolationReporter = (report: string) => void;

/** Starts recording a page's problems; call before the first goto. */
export async function watchForProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  // A binding survives navigations, so violations during a reload are still reported.
  await page.exposeBinding('tapfixReportViolation', (_source, report: string) => {
    problems.cspViolations.push(report);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { tapfixReportViolation: ViolationReporter }).tapfixReportViolation;
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    const text = `${message.text()} (${message.location().url})`;
    if (message.type() === 'error') problems.consoleErrors.push(text);
    if (/Content Security Policy/i.test(message.text())) problems.cspViolations.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  return problems;
}
