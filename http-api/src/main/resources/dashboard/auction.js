// The auction's pick (economics 2.4), recomputed from the published facts alone, exactly as
// io.bhkr.rules.Auction does it: keccak256 (Ethereum's, not SHA-3; SubtleCrypto has neither, so
// it is here, on BigInt lanes) and BigInt arithmetic for uint256 and the score ranges.

const MASK = (1n << 64n) - 1n;
const RC = [
  0x0000000000000001n, 0x0000000000008082n, 0x800000000000808an, 0x8000000080008000n, 0x000000000000808bn,
  0x0000000080000001n, 0x8000000080008081n, 0x8000000000008009n, 0x000000000000008an, 0x0000000000000088n,
  0x0000000080008009n, 0x000000008000000an, 0x000000008000808bn, 0x800000000000008bn, 0x8000000000008089n,
  0x8000000000008003n, 0x8000000000008002n, 0x8000000000000080n, 0x000000000000800an, 0x800000008000000an,
  0x8000000080008081n, 0x8000000000008080n, 0x0000000080000001n, 0x8000000080008008n];
// rotation offsets r[x][y]
const ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]];

const rotl = (v, n) => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK);

function keccakF(s) {
  for (let round = 0; round < 24; round++) {
    const c = [0, 1, 2, 3, 4].map((x) => s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20]);
    const d = [0, 1, 2, 3, 4].map((x) => c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1));
    for (let i = 0; i < 25; i++) s[i] ^= d[i % 5];
    const b = new Array(25);
    for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(s[x + 5 * y], ROT[x][y]);
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 5; y++) s[x + 5 * y] = b[x + 5 * y] ^ (~b[((x + 1) % 5) + 5 * y] & MASK & b[((x + 2) % 5) + 5 * y]);
    s[0] ^= RC[round];
  }
}

/** Ethereum's keccak256 of a Uint8Array: 32 bytes. */
export function keccak256(bytes) {
  const rate = 136;
  const padded = new Uint8Array(Math.floor(bytes.length / rate) * rate + rate);
  padded.set(bytes);
  padded[bytes.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  const s = new Array(25).fill(0n);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let k = 7; k >= 0; k--) lane = (lane << 8n) | BigInt(padded[off + i * 8 + k]);
      s[i] ^= lane;
    }
    keccakF(s);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 4; i++) for (let k = 0; k < 8; k++) out[i * 8 + k] = Number((s[i] >> BigInt(8 * k)) & 0xffn);
  return out;
}

export const hex = (bytes) => '0x' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function fromHex(text) {
  const h = text.startsWith('0x') ? text.slice(2) : text;
  if (h.length % 2 !== 0 || /[^0-9a-fA-F]/.test(h)) throw new Error('not hex: ' + text);
  return Uint8Array.from(h.match(/../g) || [], (b) => parseInt(b, 16));
}

const utf8 = (text) => new TextEncoder().encode(text);

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** abi.encodePacked's uint256: 32 bytes big-endian. */
function uint256(value) {
  const out = new Uint8Array(32);
  let v = BigInt(value);
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new Error('does not fit a uint256: ' + value);
  return out;
}

function compareBytes(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** seed = keccak256(utf8(projectId) || beacon || keccak256(c_1 || … || c_m)), c_i = keccak256(utf8(providerId) || uint256(price)) sorted as bytes. */
export function seed(projectId, beaconHex, admissible) {
  const commitments = admissible.map((c) => keccak256(concat(utf8(c.providerId), uint256(c.price.amount)))).sort(compareBytes);
  return keccak256(concat(utf8(projectId), fromHex(beaconHex), keccak256(concat(...commitments))));
}

/** Ranges of width score in provider id order (all scores 0 count 1 each); the range holding r. */
export function pick(candidates, r) {
  const sorted = [...candidates].sort((a, b) => (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0));
  const allZero = sorted.every((c) => BigInt(c.score) === 0n);
  const scored = sorted.map((c) => ({ ...c, weight: allZero ? 1n : BigInt(c.score) }));
  const total = scored.reduce((n, c) => n + c.weight, 0n);
  let end = 0n;
  const ranges = scored.map((c) => {
    const from = end;
    end += c.weight;
    return { providerId: c.providerId, from, to: end };
  });
  const winner = ranges.find((range) => r >= range.from && r < range.to);
  return { total, ranges, winner: winner ? winner.providerId : null };
}

/**
 * Recomputes an auction-closed fact (or a project's `auction` with its projectId and winner):
 * the seed from the admissible bids and beacon, r = uint256(seed) mod totalScore, the pick, and
 * (chain-less mode) that the beacon is the secret the project committed to.
 */
export function verify({ projectId, beacon, seed: publishedSeed, r: publishedR, totalScore, candidates, admissible, winner, commitment }) {
  const recomputedSeed = hex(seed(projectId, beacon, admissible));
  const chosen = pick(candidates, 0n);
  const total = chosen.total;
  const r = BigInt(recomputedSeed) % total;
  const picked = pick(candidates, r);
  const checks = {
    seed: recomputedSeed === publishedSeed.toLowerCase(),
    totalScore: total === BigInt(totalScore),
    r: r === BigInt(publishedR),
    winner: picked.winner === winner,
    commitment: commitment ? hex(keccak256(fromHex(beacon))) === commitment.toLowerCase() : null,
  };
  const agrees = checks.seed && checks.totalScore && checks.r && checks.winner && checks.commitment !== false;
  const ranges = picked.ranges.map((g) => ({ providerId: g.providerId, from: g.from.toString(), to: g.to.toString() }));
  return { seed: recomputedSeed, total: total.toString(), r: r.toString(), winner: picked.winner, ranges, checks, agrees };
}
