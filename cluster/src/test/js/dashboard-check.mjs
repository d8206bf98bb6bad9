// Drives the dashboard in Debian's chromium (playwright-core) against a running node that has
// played the worked example. Run by DashboardBrowserTest, which reads this script's stdout:
//   node dashboard-check.mjs <baseUrl> <settledProjectId> <screenshotDir>
// It prints READY once the page shows the settled project and the pools, then reads a second
// project id on stdin (the test settles that project meanwhile), waits for the open page to show
// it without a reload, checks the verify view against the node's pick, saves screenshots, and
// prints PASSED. Any failed check prints FAILED and exits 1.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import path from 'node:path';

const [base, settled, shots] = process.argv.slice(2);
const WAIT = { timeout: 30_000 };
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise((resolve) => lines.once('line', resolve));
const step = (text) => console.log('STEP ' + text);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function cell(page, pool, asset) {
  return (await page.locator(`tr[data-pool="${pool}"] td[data-asset="${asset}"]`).textContent()).trim();
}

async function waitForCell(page, pool, asset, expected) {
  await page.waitForFunction(([p, a, e]) => document.querySelector(`tr[data-pool="${p}"] td[data-asset="${a}"]`)?.textContent.trim() === e,
    [pool, asset, expected], WAIT);
}

async function verifyAgrees(page, projectId) {
  await page.locator(`tr[data-auction="${projectId}"] button.verify`).click();
  await page.locator('#verify-result[data-verdict]:not([data-verdict=""])').waitFor(WAIT);
  await page.waitForFunction((id) => document.getElementById('verify-project').textContent === id, projectId, WAIT);
  const verdict = await page.locator('#verify-result').getAttribute('data-verdict');
  const shown = await page.locator('#verify-winner').getAttribute('data-winner');
  const project = await (await page.request.get(`${base}/api/v1/projects/${projectId}`)).json();
  check(verdict === 'agrees', `the verify view of ${projectId} says ${verdict}: ${await page.locator('#verify').innerText()}`);
  check(shown === project.winner, `the verify view picked ${shown}, the node picked ${project.winner}`);
  step(`verify view of ${projectId} agrees with the node's pick ${project.winner}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(base + '/', { waitUntil: 'load' });
  check(new URL(page.url()).pathname === '/dashboard/', `/ leads to the dashboard, not ${page.url()}`);
  check((await page.title()) === 'BHKR market', 'the page title');
  await page.locator('#live[data-state="open"]').waitFor(WAIT);
  step('page loaded, event stream open');

  await page.locator(`tr[data-project="${settled}"][data-status="SETTLED"]`).waitFor(WAIT);
  step(`project ${settled} shows SETTLED`);
  for (const pool of ['reward', 'insurance']) {
    await waitForCell(page, pool, 'BHKR', '10');
    await waitForCell(page, pool, 'ETH', '30');
  }
  step('both pools show 10 BHKR and 30 ETH');
  await page.locator('#conservation[data-ok="true"]').waitFor(WAIT);
  check((await page.locator('#providers tbody tr').count()) === 3, 'three providers');
  check((await page.locator(`tr[data-auction="${settled}"]`).count()) === 1, 'the auction is listed');

  await page.evaluate(() => { window.notReloaded = true; });
  console.log('READY');
  const second = (await nextLine()).trim();
  step(`waiting for ${second} to settle on the open page`);
  await page.locator(`tr[data-project="${second}"][data-status="SETTLED"]`).waitFor(WAIT);
  await waitForCell(page, 'reward', 'BHKR', '20');
  await waitForCell(page, 'insurance', 'ETH', '60');
  check(await page.evaluate(() => window.notReloaded === true), 'the page updated itself, without a reload');
  step(`${second} appeared SETTLED and the pools grew, live`);

  await verifyAgrees(page, second);
  await verifyAgrees(page, settled);
  // the same check must say no when the published facts are not the node's
  const judged = await page.evaluate(async (id) => {
    const { verify } = await import('/dashboard/auction.js');
    const p = await (await fetch('/api/v1/projects/' + id)).json();
    const facts = { projectId: id, winner: p.winner, ...p.auction };
    const raised = facts.admissible.map((c, i) => (i === 0 ? { ...c, price: { ...c.price, amount: (BigInt(c.price.amount) + 1n).toString() } } : c));
    return {
      honest: verify(facts).agrees,
      otherWinner: verify({ ...facts, winner: '0x' + '1'.repeat(40) }).agrees,
      otherBid: verify({ ...facts, admissible: raised }).agrees,
      otherBeacon: verify({ ...facts, beacon: '0x' + '2'.repeat(64) }).agrees,
    };
  }, settled);
  // economics vector A2: ranges P1 [0,600), P4 [600,900), P5 [900,1000); r = 750 picks P4; all scores 0 count 1 each
  const a2 = await page.evaluate(async () => {
    const { pick } = await import('/dashboard/auction.js');
    const c = (providerId, score) => ({ providerId, score, price: { asset: 'BHKR', amount: '60' } });
    return [pick([c('P1', 600), c('P4', 300), c('P5', 100)], 750n).winner, pick([c('P5', 0), c('P1', 0)], 1n).winner];
  });
  check(a2[0] === 'P4' && a2[1] === 'P5', 'vector A2 and zero scores: ' + a2);
  check(judged.honest && !judged.otherWinner && !judged.otherBid && !judged.otherBeacon, 'verify tells tampered facts: ' + JSON.stringify(judged));
  step('verify disagrees with a changed winner, bid or beacon');
  check(errors.length === 0, 'no script error on the page: ' + errors.join('; '));

  await page.locator('#participant-address').fill('0x14dc79964da2c08b23698b3d3cc7ca32193d9955');
  await page.locator('#participant-form button').click();
  await page.locator(`#participant-projects li[data-project="${settled}"]`).waitFor(WAIT);
  const requesterBhkr = (await page.locator('#participant-balances tr[data-row="balances"] td[data-asset="BHKR"]').textContent()).trim();
  const account = await (await page.request.get(`${base}/api/v1/accounts/0x14dc79964da2c08b23698b3d3cc7ca32193d9955`)).json();
  check(requesterBhkr === String(BigInt(account.balances.BHKR) / 10n ** 18n), `participant view BHKR ${requesterBhkr} vs ${account.balances.BHKR}`);
  step('participant view shows the requester\'s balance and projects');

  await page.locator('#verify-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });
  await page.locator('#auctions-section').screenshot({ path: path.join(shots, 'dashboard-verify.png') });
  step('screenshots saved in ' + shots);
  console.log('PASSED');
} catch (e) {
  failed = true;
  console.log('FAILED: ' + (e && e.stack ? e.stack : e));
} finally {
  lines.close();
  await browser.close();
}
process.exit(failed ? 1 : 0);
