// The market at a glance, from the node's public JSON API and its event stream. No rule is
// computed here except the auction's pick, which the verify view recomputes on purpose.
import { verify } from './auction.js';

const API = '/api/v1';
const ASSETS = ['BHKR', 'ETH', 'AETH'];
const KINDS = ['auction-closed', 'project-settled', 'project-failed', 'provider-applied', 'score-recorded',
  'provider-disqualified', 'rewards-distributed', 'compensation-paid', 'proposal-opened', 'proposal-decided',
  'parameter-changed', 'election-held'];

const state = {
  seen: new Set(), // fact offsets: a reconnect may repeat none, but a second tab of the same page must not double-count
  projects: new Map(), // projectId -> GET /projects/{id}
  auctions: new Map(), // projectId -> auction-closed fact
  distributions: [], // rewards-distributed facts, oldest first
  proposals: new Map(), // proposalId -> {opened, decided}
  participant: null,
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-') || k === 'title' || k === 'type') e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return e;
};
const short = (id) => (id && id.length > 16 ? id.slice(0, 8) + '…' + id.slice(-4) : id ?? '–');

/** Base units (18 decimals) as a decimal number of tokens, exact. */
export function tokens(baseUnits) {
  if (baseUnits === null || baseUnits === undefined) return '–';
  const v = BigInt(baseUnits);
  const unit = 10n ** 18n;
  const whole = v / unit;
  const frac = (v % unit).toString().padStart(18, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole.toString();
}

async function get(path) {
  const r = await fetch(API + path, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

// ---- overview: read again (debounced) whenever a fact says something changed ----

let refreshTimer = null;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshAll, 250);
}

async function refreshAll() {
  await Promise.allSettled([refreshNode(), refreshConservation(), refreshPools(), refreshProviders(), refreshGovernance(),
    refreshParticipant(), refreshBidding()]);
}

// Projects still in their bid window: no public fact marks an opening, so the listing is asked for them.
async function refreshBidding() {
  const bidding = await get('/projects?status=BIDDING&limit=50');
  for (const p of bidding) if (!state.projects.has(p.projectId)) state.projects.set(p.projectId, p);
  renderProjects();
}

async function refreshNode() {
  const h = await get('/health');
  $('node').textContent = `node ${location.host}: ${h.status} (${h.profile})`;
  fill($('members'), [el('li', {}, `this node, ${location.host}: ${h.status}, journal ${h.profile}`
    + (h.development ? ', development profile' : ''))]);
}

async function refreshConservation() {
  const c = await get('/audit/conservation');
  const node = $('conservation');
  node.dataset.ok = String(c.ok);
  node.textContent = 'conservation ' + (c.ok ? 'OK' : 'NOT OK') + ' · ' + ASSETS.map((a) => `${a} ${c.assets[a].ok ? '✓' : '✗'}`).join(' ');
  node.title = `projected up to journal offset ${c.projectedUpTo}`;
}

async function refreshPools() {
  const pools = await Promise.all(['reward', 'insurance'].map((p) => get('/pools/' + p)));
  fill($('pools').tBodies[0], pools.map((p) => el('tr', { 'data-pool': p.pool },
    el('td', {}, p.pool), ...ASSETS.map((a) => el('td', { class: 'num', 'data-asset': a }, tokens(p.balances[a]))),
    el('td', { class: 'num' }, p.epoch ?? ''))));
}

async function refreshProviders() {
  const list = await get('/providers');
  const details = await Promise.all(list.map((p) => get('/providers/' + p.providerId).catch(() => p)));
  fill($('providers').tBodies[0], details.map((p) => el('tr', { 'data-provider': p.providerId, 'data-status': p.status },
    el('td', { class: 'id', title: p.providerId }, short(p.providerId)), el('td', {}, p.brandName),
    el('td', { class: 'status' }, p.status), el('td', { class: 'num' }, p.score), el('td', {}, p.trustTier ?? '–'))));
}

async function refreshGovernance() {
  const g = await get('/governance');
  $('governance-phase').textContent = `phase ${g.phase}, n = ${g.n} (${2 * g.n + 1} seats; a decision needs ${g.n + 1} votes)`;
  fill($('governors').tBodies[0], g.governors.map((gov, i) => el('tr', {},
    el('td', {}, String(i + 1)), el('td', { class: 'id', title: gov.address }, gov.address),
    el('td', { class: 'num' }, tokens(gov.stake)), el('td', { class: 'num' }, gov.missedVotes))));
  renderProposals();
}

function renderProposals() {
  const open = [...state.proposals.values()].filter((p) => p.opened && !p.decided);
  $('proposals').replaceChildren(...(open.length ? open.map((p) => el('li', { 'data-proposal': p.opened.proposalId },
    `${p.opened.proposalId}: ${p.opened.proposalKind} ${p.opened.providerId ? short(p.opened.providerId) : ''} — deadline `
    + new Date(p.opened.deadline * 1000).toISOString())) : [el('li', { class: 'empty' }, 'none')]));
}

// ---- projects and auctions ----

async function refreshProject(projectId) {
  const p = await get('/projects/' + projectId);
  state.projects.set(projectId, p);
  renderProjects();
  if (state.participant) renderParticipantProjects();
}

function renderProjects() {
  const projects = [...state.projects.values()].reverse();
  const counts = {};
  for (const p of projects) counts[p.status] = (counts[p.status] || 0) + 1;
  $('project-counts').textContent = Object.keys(counts).length
    ? Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(' · ') : 'no auction has closed yet';
  fill($('projects').tBodies[0], projects.map((p) => el('tr', { 'data-project': p.projectId, 'data-status': p.status },
    el('td', { class: 'id' }, p.projectId), el('td', { class: 'status' }, p.status),
    el('td', { class: 'id', title: p.winner ?? '' }, short(p.winner)), el('td', { class: 'num' }, p.price ? tokens(p.price.amount) : '–'),
    el('td', { class: 'id', title: p.requester }, short(p.requester)))));
}

function renderAuctions() {
  const auctions = [...state.auctions.values()].reverse().slice(0, 20);
  fill($('auctions').tBodies[0], auctions.map((a) => el('tr', { 'data-auction': a.projectId },
    el('td', { class: 'id', title: a.projectId }, short(a.projectId)), el('td', {}, new Date(a.closedAt * 1000).toISOString().replace('.000Z', 'Z')),
    el('td', { class: 'id', title: a.winner ?? '' }, a.winner ? short(a.winner) : 'none admissible'),
    el('td', { class: 'num' }, a.pricePaid ? tokens(a.pricePaid.amount) : '–'),
    el('td', { class: 'num' }, `${a.candidates.length} of ${a.admissible.length}`),
    el('td', {}, a.winner ? el('button', { class: 'verify', type: 'button', onclick: () => showVerify(a) }, 'verify') : ''))));
}

function showVerify(fact) {
  const project = state.projects.get(fact.projectId);
  const v = verify({ ...fact, commitment: project?.auction?.commitment });
  $('verify').hidden = false;
  $('verify-project').textContent = fact.projectId;
  $('verify-seed').textContent = `${v.seed} ${v.checks.seed ? '= published' : '≠ published ' + fact.seed}`;
  $('verify-r').textContent = `${v.total}, ${v.r} ${v.checks.r && v.checks.totalScore ? '= published' : '≠ published ' + fact.r}`;
  $('verify-ranges').textContent = v.ranges.map((g) => `${short(g.providerId)} [${g.from}, ${g.to})`).join('  ');
  $('verify-winner').textContent = `${v.winner} ${v.checks.winner ? '= the node\'s pick' : '≠ the node\'s pick ' + fact.winner}`;
  $('verify-winner').dataset.winner = v.winner ?? '';
  $('verify-commitment').textContent = v.checks.commitment === null ? 'no commitment (chain mode: the beacon is a block hash)'
    : v.checks.commitment ? 'keccak256(beacon) = the commitment published when the project opened' : 'keccak256(beacon) ≠ the commitment';
  const result = $('verify-result');
  result.dataset.verdict = v.agrees ? 'agrees' : 'disagrees';
  result.textContent = v.agrees ? '✓ The pick recomputed here agrees with the node\'s.' : '✗ The recomputed pick does NOT agree with the node\'s.';
  $('verify').scrollIntoView({ block: 'nearest' });
}

function renderDistributions() {
  const last = state.distributions.slice(-5).reverse();
  $('distributions').replaceChildren(...(last.length ? last.map((d) => el('li', { 'data-epoch': d.epoch },
    `${d.pool} epoch ${d.epoch}: ${d.legs.length} legs, ` + ASSETS.map((a) => {
      const sum = d.legs.filter((l) => l.asset === a).reduce((n, l) => n + BigInt(l.amount), 0n);
      return sum > 0n ? `${tokens(sum)} ${a}` : null;
    }).filter(Boolean).join(' + '))) : [el('li', { class: 'empty' }, 'none yet')]));
}

// ---- participant ----

async function refreshParticipant() {
  const address = state.participant;
  if (!address) return;
  const [account, stakes] = await Promise.all([get('/accounts/' + address), get(`/accounts/${address}/stakes`).catch(() => [])]);
  $('participant').hidden = false;
  fill($('participant-balances').tBodies[0], ['balances', 'staked', 'locked'].filter((k) => account[k]).map((k) =>
    el('tr', { 'data-row': k }, el('td', {}, k), ...ASSETS.map((a) => el('td', { class: 'num', 'data-asset': a }, tokens(account[k][a]))))));
  $('participant-stakes').replaceChildren(...(stakes.length ? stakes.map((s) => el('li', {},
    `${s.nodeId}: ${tokens(s.amount.amount ?? s.amount)} BHKR since ${new Date(s.since * 1000).toISOString()}`))
    : [el('li', { class: 'empty' }, 'none')]));
  renderParticipantProjects();
  const perEpoch = new Map();
  for (const d of state.distributions)
    for (const l of d.legs.filter((leg) => leg.to === address)) {
      const key = `${d.pool} epoch ${d.epoch}`;
      perEpoch.set(key, (perEpoch.get(key) || []).concat(`${tokens(l.amount)} ${l.asset} (${l.group})`));
    }
  $('participant-rewards').replaceChildren(...(perEpoch.size ? [...perEpoch].map(([k, v]) => el('li', {}, `${k}: ${v.join(', ')}`))
    : [el('li', { class: 'empty' }, 'none')]));
}

function renderParticipantProjects() {
  const a = state.participant;
  const mine = [...state.projects.values()].filter((p) => p.requester === a || p.winner === a);
  $('participant-projects').replaceChildren(...(mine.length ? mine.map((p) => el('li', { 'data-project': p.projectId },
    `${p.projectId}: ${p.status}, as ${p.requester === a ? 'requester' : 'provider'}`
    + (p.settlement?.length ? '; settled to it: ' + p.settlement.filter((l) => l.to === a).map((l) => `${tokens(l.amount)} ${l.asset}`).join(', ') : '')))
    : [el('li', { class: 'empty' }, 'none')]));
}

$('participant-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.participant = $('participant-address').value.trim().toLowerCase();
  location.hash = 'participant=' + state.participant;
  refreshParticipant().catch((err) => console.warn(err));
});

// ---- the event stream ----

const feedLine = (f) => {
  const what = {
    'auction-closed': () => `auction of ${f.projectId} closed: ${f.winner ? short(f.winner) + ' at ' + tokens(f.pricePaid.amount) + ' BHKR' : 'unassigned'}`,
    'project-settled': () => `${f.projectId} settled (${f.legs.length} legs)`,
    'project-failed': () => `${f.projectId} failed: ${f.reason}`,
    'score-recorded': () => `${short(f.providerId)} score ${f.score}`,
    'rewards-distributed': () => `${f.pool} pool distributed epoch ${f.epoch}`,
    'proposal-opened': () => `proposal ${f.proposalId} (${f.proposalKind}) opened`,
    'proposal-decided': () => `proposal ${f.proposalId} ${f.outcome}`,
  }[f.kind];
  return `#${f.offset} ${what ? what() : f.kind}`;
};

function onFact(f) {
  if (state.seen.has(f.offset)) return;
  state.seen.add(f.offset);
  // newest first by journal offset: the stream interleaves its tags, so arrival order is not journal order
  const feed = $('feed');
  const item = el('li', { 'data-kind': f.kind, 'data-offset': f.offset }, feedLine(f));
  const later = [...feed.children].find((li) => Number(li.dataset.offset) < f.offset);
  feed.insertBefore(item, later ?? null);
  while (feed.children.length > 100) feed.lastChild.remove();
  switch (f.kind) {
    case 'auction-closed':
      state.auctions.set(f.projectId, f);
      renderAuctions();
      refreshProject(f.projectId).catch((err) => console.warn(err));
      break;
    case 'project-settled':
    case 'project-failed':
      refreshProject(f.projectId).catch((err) => console.warn(err));
      break;
    case 'rewards-distributed':
      state.distributions.push(f);
      renderDistributions();
      break;
    case 'proposal-opened':
      state.proposals.set(f.proposalId, { ...state.proposals.get(f.proposalId), opened: f });
      break;
    case 'proposal-decided':
      state.proposals.set(f.proposalId, { ...state.proposals.get(f.proposalId), decided: f });
      break;
    default:
  }
  refreshSoon();
}

function connect() {
  // from the journal's start: the page builds its lists (projects, auctions, distributions) from the facts
  const source = new EventSource(API + '/events');
  const live = $('live');
  source.onopen = () => { live.dataset.state = 'open'; live.textContent = 'event stream: live'; };
  source.onerror = () => { live.dataset.state = 'closed'; live.textContent = 'event stream: reconnecting'; };
  for (const kind of KINDS) source.addEventListener(kind, (e) => onFact(JSON.parse(e.data)));
}

const fromHash = /participant=(0x[0-9a-fA-F]{40})/.exec(location.hash);
if (fromHash) {
  state.participant = fromHash[1].toLowerCase();
  $('participant-address').value = state.participant;
}
refreshAll();
connect();
setInterval(refreshSoon, 10_000); // what no fact announces (a project opening, a collateral top-up) shows within 10 s
