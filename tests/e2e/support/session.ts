import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

export type ThemeName = 'light' | 'dark' | 'contrast';

/** A fresh context (own session storage) signed in as one of the demo people, by clicking, as a person would. */
export async function signedInPage(
  browser: Browser,
  displayName: string,
  path = '/',
  theme: ThemeName = 'light',
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(new URL(withTheme(path, theme), inject('tabUrl')).toString());
  await page.getByRole('button', { name: new RegExp(`Sign in as ${displayName}`) }).click();
  return page;
}

export function withTheme(path: string, theme: ThemeName): string {
  if (theme === 'light') return path;
  const url = new URL(path, 'http://x');
  url.searchParams.set('theme', theme);
  return `${url.pathname}${url.search}`;
}
