/**
 * Collects what a page reports as going wrong while a test drives it: console errors (Chromium
 * logs each Content-Security-Policy refusal there, "Refused to load / execute / apply …"),
 * uncaught exceptions, and every securitypolicyviolation event, which also catches a violation
 * a script swallowed.
 */
import type { Page } from '@playwright/test';

export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  // Injected through the DevTools protocol: the page's CSP does not apply to it.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return problems;
}
