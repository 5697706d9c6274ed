// Opens one page in Debian's chromium (headless) and prints, as one JSON line, what the page put in
// window.__result once it set window.__done, plus its console errors and failed requests.
// Usage: node drive.js URL [timeout_ms]. Exit 0 when the page finished, 1 otherwise.
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.RAPPORT_CHROMIUM || '/usr/bin/chromium';

async function main() {
  const [url, timeoutArg] = process.argv.slice(2);
  const timeout = Number(timeoutArg || 30000);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  const report = { result: null, errors: [], failed: [], refused: [] };
  try {
    const page = await browser.newPage();
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
    page.on('pageerror', (e) => report.errors.push(String(e)));
    page.on('requestfailed', (r) => report.failed.push(`${r.method()} ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) report.refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__done === true, null, { timeout });
    report.result = await page.evaluate(() => window.__result);
  } catch (e) {
    report.errors.push(String(e));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(report.result ? 0 : 1);
}

main();
