import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, seriousAccessibilityViolations } from '../support/browser.js';
import { type RunningHale, startHale } from './hale-server.js';
import { syntheticAnswer, uiStreamHeaders } from './synthetic-stream.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const answerTimeout = 60_000;

if (!hasChromium)
  console.warn('[hale tests] no Chromium at /usr/bin/chromium (HALE_CHROMIUM): skipping the browser tests');

describe.skipIf(!hasChromium)('the chat UI in Chromium, against a real hale start', () => {
  let hale: RunningHale;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [hale, browser] = await Promise.all([startHale(), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hale?.stop();
  });

  /** A fresh browser profile signed in as a demo user; page errors are collected. */
  async function openAs(user: string): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
    // axe-core is injected as an inline script, which Hale's CSP (rightly) forbids.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(hale.url);
    await page.getByLabel('Demo user').selectOption(user);
    await page.getByRole('heading', { name: 'Ask about your data' }).waitFor();
    return { page, problems, close: () => context.close() };
  }

  /** What the API says, as a demo user: the UI's effects checked through the server. */
  async function apiAs(user: string, path: string): Promise<unknown> {
    const response = await fetch(`${hale.url}${path}`, { headers: { 'X-Hale-Demo-User': user } });
    return response.json();
  }

  /** Types a question, sends it with Enter, and waits for the finished answer. */
  async function ask(page: Page, question: string): Promise<Locator> {
    const before = await page.getByRole('article', { name: 'Answer' }).count();
    const composer = page.getByRole('textbox', { name: 'Ask a question' });
    await composer.fill(question);
    await composer.press('Enter');
    const answer = page.getByRole('article', { name: 'Answer' }).nth(before);
    // The feedback controls appear once the answer is complete and stored.
    await answer.getByRole('group', { name: 'Feedback on this answer' }).waitFor({ timeout: answerTimeout });
    return answer;
  }

  it('answers alice with the percentage, the table and the SQL, accessibly', async () => {
    const { page, problems, close } = await openAs('alice');
    try {
      const answer = await ask(page, 'What is the no-show rate by booking channel?');
      expect(await answer.locator('.answer-text').innerText()).toMatch(/\d+(\.\d+)?\s?%/);
      expect(await answer.getByText(/checked against the query results/).count()).toBeGreaterThan(0);

      const table = answer.getByRole('region', { name: 'Result rows' }).getByRole('table');
      const headers = await table.getByRole('columnheader').allInnerTexts();
      expect(headers.join(' ')).toMatch(/channel/i);
      expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(2);
      // At this scale one channel is hidden from an analyst: the answer says so in plain words.
      expect(await answer.locator('.answer-text').innerText()).toMatch(/fewer than 11 patients/);

      // Provenance is collapsed until asked for.
      const sql = answer.getByRole('figure', { name: /SQL that ran/ });
      expect(await sql.isVisible()).toBe(false);
      await answer.getByText('How I got this').click();
      expect(await sql.innerText()).toMatch(/SELECT[\s\S]*FROM/);
      expect(
        await answer
          .getByText(/fewer than 11 patients/)
          .first()
          .isVisible(),
      ).toBe(true);
      await answer.getByRole('table', { name: 'Steps of this answer' }).waitFor();

      await page.screenshot({ path: `${screenshots}chat-answer.png`, fullPage: true });

      // Regenerate replaces the answer, in the page and on the server.
      await answer.getByRole('button', { name: 'Regenerate' }).click();
      // The old answer goes (its feedback controls with it) and the new one streams in.
      await page.getByRole('group', { name: 'Feedback on this answer' }).waitFor({ state: 'detached' });
      await page
        .getByRole('article', { name: 'Answer' })
        .getByRole('group', { name: 'Feedback on this answer' })
        .waitFor({ timeout: answerTimeout });
      expect(await page.getByRole('article', { name: 'Answer' }).count()).toBe(1);
      const listed = (await apiAs('alice', '/api/conversations')) as {
        conversations: { title: string; messageCount: number }[];
      };
      expect(
        listed.conversations.find((conversation) => conversation.title.startsWith('What is the no-show'))
          ?.messageCount,
      ).toBe(2);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}chat-answer-dark.png` });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('scopes carol to her region, follows up, keeps the conversation and saves feedback', async () => {
    const { page, problems, close } = await openAs('carol');
    try {
      const composer = page.getByRole('textbox', { name: 'Ask a question' });
      // Keyboard only: Shift+Enter adds a line, Enter sends.
      await composer.focus();
      await page.keyboard.type('first line');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('second line');
      expect(await composer.inputValue()).toBe('first line\nsecond line');
      await composer.fill('');

      const first = await ask(page, 'How many no-shows last month?');
      expect(await first.locator('.answer-text').innerText()).toContain('Île-de-France');
      await first.getByText('How I got this').click();
      expect(
        await first
          .getByText(/Filtered to your region: Île-de-France/)
          .first()
          .isVisible(),
      ).toBe(true);

      const followUp = await ask(page, 'By specialty?');
      const headers = await followUp
        .getByRole('region', { name: 'Result rows' })
        .getByRole('columnheader')
        .allInnerTexts();
      expect(headers.join(' ')).toMatch(/specialty/i);
      await followUp.getByRole('img', { name: /^Bar chart of .* by .*specialty/i }).waitFor();

      // Feedback: a thumbs-up and a corrected answer, both saved.
      await followUp.getByRole('button', { name: 'Good answer' }).click();
      await followUp.getByRole('status').filter({ hasText: 'Feedback saved' }).waitFor();
      expect(await followUp.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await followUp.getByRole('button', { name: 'Correct this answer' }).click();
      await followUp
        .getByRole('textbox', { name: 'The correct answer' })
        .fill('Cardiology had the most no-shows.');
      await followUp.getByRole('button', { name: 'Save correction' }).click();
      await followUp.getByRole('status').filter({ hasText: 'Feedback saved' }).waitFor();

      // The conversation is listed; rename it, leave it, reopen it, delete it.
      const sidebar = page.getByRole('complementary', { name: 'Conversations' });
      await sidebar
        .getByRole('button', { name: /^Rename / })
        .first()
        .click();
      await sidebar.getByRole('textbox', { name: 'New title' }).fill('Carol no-shows');
      await sidebar.getByRole('button', { name: 'Save' }).click();
      await sidebar.getByRole('button', { name: 'Carol no-shows', exact: true }).waitFor();
      const listed = (await apiAs('carol', '/api/conversations')) as {
        conversations: { id: string; title: string }[];
      };
      const saved = listed.conversations.find((conversation) => conversation.title === 'Carol no-shows');
      expect(saved).toBeDefined();

      await sidebar.getByRole('button', { name: 'New conversation' }).click();
      await page.getByRole('heading', { name: 'Ask about your data' }).waitFor();
      await sidebar.getByRole('button', { name: 'Carol no-shows', exact: true }).click();
      await page.getByRole('article', { name: 'Answer' }).nth(1).waitFor();
      expect(await page.getByRole('article', { name: 'Answer' }).count()).toBe(2);

      await sidebar.getByRole('button', { name: 'Delete Carol no-shows' }).click();
      await sidebar
        .getByRole('group', { name: 'Delete Carol no-shows?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await page.getByRole('heading', { name: 'Ask about your data' }).waitFor();
      await sidebar
        .getByRole('button', { name: 'Carol no-shows', exact: true })
        .waitFor({ state: 'detached' });
      const after = (await apiAs('carol', '/api/conversations')) as { conversations: { id: string }[] };
      expect(after.conversations.map((conversation) => conversation.id)).not.toContain(saved?.id);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 150_000);

  it('says clearly when a query is refused, the server is unreachable, rate-limited or the model is down', async () => {
    const { page, close } = await openAs('alice');
    try {
      const refused = await ask(page, 'What was the appointment growth month over month this year?');
      expect(await refused.getByText(/Refused by your access rules/).isVisible()).toBe(true);

      const composer = page.getByRole('textbox', { name: 'Ask a question' });
      const alert = page.getByRole('alert');
      await page.route('**/api/chat', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '7' },
          body: JSON.stringify({
            status: 429,
            code: 'rate_limited',
            title: 'Too many requests',
            detail: 'slow down',
          }),
        }),
      );
      await composer.fill('How many appointments last month?');
      await composer.press('Enter');
      await alert.filter({ hasText: 'Too many requests' }).waitFor();
      expect(await alert.innerText()).toContain('in 7 s');

      await page.unroute('**/api/chat');
      await page.route('**/api/chat', (route) =>
        route.fulfill({
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
          body: JSON.stringify({
            status: 503,
            code: 'provider_unavailable',
            title: 'The question could not be asked',
          }),
        }),
      );
      await alert.getByRole('button', { name: 'Try again' }).click();
      await alert.filter({ hasText: 'The language model is unavailable' }).waitFor();

      await page.unroute('**/api/chat');
      await page.route('**/api/chat', (route) => route.abort('connectionrefused'));
      await alert.getByRole('button', { name: 'Try again' }).click();
      await alert.filter({ hasText: 'Hale is not reachable' }).waitFor();
      await page.screenshot({ path: `${screenshots}chat-unreachable.png` });

      // Back online, "Try again" asks the same question once more and gets an answer.
      await page.unroute('**/api/chat');
      await alert.getByRole('button', { name: 'Try again' }).click();
      const answer = page.getByRole('article', { name: 'Answer' }).nth(1);
      await answer
        .getByRole('group', { name: 'Feedback on this answer' })
        .waitFor({ timeout: answerTimeout });
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.locator('.message-user').count()).toBe(2);
    } finally {
      await close();
    }
  }, 150_000);

  it('renders a 5,000-row result virtualised, sorts it and downloads it as CSV', async () => {
    const { page, close } = await openAs('admin');
    try {
      await page.route('**/api/chat', (route) =>
        route.fulfill({ status: 200, headers: uiStreamHeaders, body: syntheticAnswer({ rowCount: 5000 }) }),
      );
      const composer = page.getByRole('textbox', { name: 'Ask a question' });
      await composer.fill('List the appointments');
      const started = Date.now();
      await composer.press('Enter');
      const rows = page.getByRole('region', { name: 'Result rows' });
      await rows.getByRole('cell', { name: 'Lyon' }).first().waitFor();
      const renderMs = Date.now() - started;
      expect(await page.locator('.table-tools').getByText('5,000 rows').isVisible()).toBe(true);
      // Only the rows in view (plus a margin) are in the page.
      expect(await rows.locator('tbody tr').count()).toBeLessThan(80);
      expect(renderMs).toBeLessThan(5_000);

      const header = rows.getByRole('columnheader', { name: /lead_time_days/ });
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await rows.locator('tbody tr').first().locator('td').nth(2).innerText()).toBe('96');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const csv = readFileSync((await download.path()) ?? '', 'utf8')
        .trim()
        .split('\r\n');
      expect(csv).toHaveLength(5001);
      expect(csv[0]).toBe('appointment_id,city,lead_time_days');
    } finally {
      await close();
    }
  }, 60_000);

  it('shows the metric catalog and asks about a metric', async () => {
    const { page, close } = await openAs('alice');
    try {
      await page.getByRole('button', { name: 'Metric catalog' }).click();
      await page.getByRole('searchbox', { name: 'Search metrics' }).fill('no-show');
      await page
        .getByRole('heading', { name: /no-show rate/i, level: 3 })
        .first()
        .waitFor();
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: /no-show rate/i, level: 3 }) })
        .first();
      await card.getByText('Dimensions').click();
      await card
        .getByText(/channel/)
        .first()
        .waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}metric-catalog.png` });
      await card.getByRole('button', { name: /^Ask about this/ }).click();
      const answer = page.getByRole('article', { name: 'Answer' }).first();
      await answer
        .getByRole('group', { name: 'Feedback on this answer' })
        .waitFor({ timeout: answerTimeout });
      expect(await answer.locator('.answer-text').innerText()).toMatch(/\d/);
    } finally {
      await close();
    }
  }, 120_000);
});
