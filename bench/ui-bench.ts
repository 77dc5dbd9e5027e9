/**
 * The chat UI's figures (issue 9): initial JavaScript gzip size, time to first render and to the first
 * streamed token on localhost in Chromium, and rendering a 5,000-row result. Runs on its own
 * (`node --import tsx bench/ui-bench.ts`) and exports `benchUi` for bench/run.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { withTemporaryDirectory } from './temporary-directory.js';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const distDirectory = join(projectRoot, 'client/dist');

/** Gzip sizes of what the first page load fetches (entry script, preloaded chunks, CSS). */
export function initialAssetSizes(): { javascriptGzipBytes: number; cssGzipBytes: number; files: string[] } {
  const html = readFileSync(join(distDirectory, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="\/([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  const gzipped = (file: string) => gzipSync(readFileSync(join(distDirectory, file)), { level: 9 }).length;
  const sum = (extension: string) =>
    files.filter((file) => file.endsWith(extension)).reduce((total, file) => total + gzipped(file), 0);
  return { javascriptGzipBytes: sum('.js'), cssGzipBytes: sum('.css'), files };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
}

async function startHale(dataDirectory: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bin/hale.ts', 'start', '--port', String(port), '--scale', '0.05'],
    {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HALE_DATA_DIR: dataDirectory,
        HALE_LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    },
  );
  const started = performance.now();
  for (;;) {
    if (performance.now() - started > 180_000) throw new Error('hale start not ready after 180 s');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function syntheticRows(rowCount: number): string {
  const rows = Array.from({ length: rowCount }, (_, index) => ({
    id: index + 1,
    city: 'Lyon',
    value: index % 97,
  }));
  const chunks = [
    { type: 'start', messageId: 'bench' },
    { type: 'tool-input-available', toolCallId: 'call', toolName: 'run_sql', input: { sql: 'SELECT 1' } },
    {
      type: 'tool-output-available',
      toolCallId: 'call',
      output: {
        isError: false,
        structuredContent: {
          columns: ['id', 'city', 'value'],
          rows,
          rowCount,
          truncated: false,
          executedSql: 'SELECT 1',
          policies: [],
        },
        text: '',
      },
    },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'Rows.' },
    { type: 'text-end', id: 't' },
    { type: 'finish' },
  ];
  return `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`;
}

async function firstToken(page: Page, question: string): Promise<number> {
  await page.getByRole('button', { name: 'New conversation' }).click();
  const composer = page.getByRole('textbox', { name: 'Ask a question' });
  await composer.fill(question);
  const started = performance.now();
  await composer.press('Enter');
  await page.locator('.answer-text').first().waitFor({ timeout: 60_000 });
  const elapsed = performance.now() - started;
  await page.getByRole('group', { name: 'Feedback on this answer' }).waitFor({ timeout: 60_000 });
  return elapsed;
}

/** Measures the UI against a real `hale start` (scale 0.05) in Debian's Chromium. */
export async function benchUi({ runs = 5 }: { runs?: number } = {}) {
  const assets = initialAssetSizes();
  return withTemporaryDirectory(async (directory) => {
    const port = 39_000 + Math.floor(Math.random() * 900);
    const server = await startHale(join(directory, 'data'), port);
    const browser = await chromium.launch({
      executablePath: process.env.HALE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const firstRender: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(url);
        await page.getByRole('textbox', { name: 'Ask a question' }).waitFor();
        firstRender.push(performance.now() - started);
        await context.close();
      }
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.getByLabel('Demo user').selectOption('alice');
      const questions = [
        'What is the no-show rate by booking channel?',
        'How many appointments per specialty in 2025?',
        'How many cancellations last month?',
        'What is the average waiting time for an appointment by specialty?',
        'How many no-shows did each practice have last month?',
      ];
      const firstTokens: number[] = [];
      for (let run = 0; run < runs; run += 1)
        firstTokens.push(await firstToken(page, questions[run % questions.length] ?? ''));

      await page.route('**/api/chat', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream', 'x-vercel-ai-ui-message-stream': 'v1' },
          body: syntheticRows(5000),
        }),
      );
      const renders: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        await page.getByRole('button', { name: 'New conversation' }).click();
        const composer = page.getByRole('textbox', { name: 'Ask a question' });
        await composer.fill('rows');
        const started = performance.now();
        await composer.press('Enter');
        await page
          .getByRole('region', { name: 'Result rows' })
          .getByRole('cell', { name: 'Lyon' })
          .first()
          .waitFor();
        renders.push(performance.now() - started);
      }
      await context.close();
      return {
        initialJavascriptGzipKiB: Math.round(assets.javascriptGzipBytes / 102.4) / 10,
        initialCssGzipKiB: Math.round(assets.cssGzipBytes / 102.4) / 10,
        firstRenderMsMedian: median(firstRender),
        firstStreamedTokenMsMedian: median(firstTokens),
        render5000RowsMsMedian: median(renders),
        runs,
        note: 'localhost, headless Chromium, scale 0.05, built-in model; first-token runs after the first may hit the tool cache',
      };
    } finally {
      await browser.close();
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.stdout.write(`${JSON.stringify(await benchUi(), null, 2)}\n`);
