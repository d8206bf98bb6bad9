package io.bhkr.replay.export;

import static io.bhkr.replay.export.Cells.asset;
import static io.bhkr.replay.export.Cells.entityId;
import static io.bhkr.replay.export.Cells.exact;

import io.bhkr.micropool.ChainPoolFact;
import io.bhkr.micropool.MicroPoolEvents;
import io.bhkr.micropool.MicroPoolLeg;
import io.bhkr.micropool.MicroPoolTerms;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.replay.Replayed;
import io.bhkr.transfer.MicroPoolOpening;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Micro-pools: each pool's terms and life (opened, activated, closed, slashed), and every stake,
 * fee, reward leg and slashing in it, whether it came through the market or from the pool's
 * contract on chain.
 */
final class MicroPoolRows implements TableRows {

  /** A pool's row gathers its life; it is written at the journal's end. */
  private record Life(MicroPoolOpening opening, long ordering, Long activatedAt, BigInteger activatedTotal, Long closedAt, int slashings) {
    Life activated(long at, BigInteger total) {
      return new Life(opening, ordering, at, total, closedAt, slashings);
    }

    Life closed(long at) {
      return new Life(opening, ordering, activatedAt, activatedTotal, at, slashings);
    }

    Life slashed() {
      return new Life(opening, ordering, activatedAt, activatedTotal, closedAt, slashings + 1);
    }
  }

  private final Map<String, Life> pools = new LinkedHashMap<>();

  @Override
  public Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("micropools", "pool VARCHAR, provider VARCHAR, provider_stake_asset VARCHAR, provider_stake DECIMAL(38,0), fp_asset VARCHAR,"
        + " fp DECIMAL(38,0), validator_stake DECIMAL(38,0), fee_reward_bps INTEGER, ip_bps INTEGER, rp_bps INTEGER, ends_at_ms BIGINT,"
        + " chain_pool VARCHAR, opened_at_ms BIGINT, activated_at_ms BIGINT, activated_total DECIMAL(38,0), closed_at_ms BIGINT,"
        + " slashings INTEGER, ordering BIGINT");
    t.put("micropool_entries", "pool VARCHAR, entry VARCHAR, party VARCHAR, reason VARCHAR, asset VARCHAR, amount DECIMAL(38,0),"
        + " at_ms BIGINT, ordering BIGINT");
    return t;
  }

  @Override
  public void accept(Replayed r, Sink out) throws SQLException {
    String pool = entityId(r.persistenceId());
    long ordering = r.row().ordering();
    long written = r.row().writeTimestamp();
    Object e = r.event();
    if (e instanceof MicroPoolEvents.MicroPoolOpened o) {
      pools.put(pool, new Life(o.opening(), ordering, null, null, null, 0));
    } else if (e instanceof MicroPoolEvents.Activated a) {
      pools.computeIfPresent(pool, (id, l) -> l.activated(a.at(), a.total()));
    } else if (e instanceof MicroPoolEvents.Closed c) {
      pools.computeIfPresent(pool, (id, l) -> l.closed(c.at()));
    } else if (e instanceof MicroPoolEvents.Staked s) {
      entry(out, pool, "stake", s.stake().from().id(), s.stake().reason(), s.stake().amount(), s.stake().at(), ordering);
    } else if (e instanceof MicroPoolEvents.FeeCharged f) {
      entry(out, pool, "fee", f.staker(), null, f.fee(), written, ordering);
    } else if (e instanceof MicroPoolEvents.Completed c) {
      for (MicroPoolLeg l : c.legs()) entry(out, pool, "reward", l.to(), l.reason(), l.amount(), written, ordering);
    } else if (e instanceof MicroPoolEvents.Slashed s) {
      pools.computeIfPresent(pool, (id, l) -> l.slashed());
      entry(out, pool, "slashing", null, "provider loss " + s.providerLoss() + ", stakers loss " + s.stakersLoss(), s.loss(), s.at(),
          ordering);
    } else if (e instanceof MicroPoolEvents.ChainFactRecorded c) {
      ChainPoolFact f = c.fact();
      if (f.kind() == ChainPoolFact.Kind.ACTIVATED) {
        pools.computeIfPresent(pool, (id, l) -> l.activated(f.at(), f.amount()));
        return;
      }
      String entry = f.kind() == ChainPoolFact.Kind.STAKED ? "stake" : "unstake";
      entry(out, pool, entry, f.staker(), "on chain", new Amount(Asset.ETH, f.amount()), f.at(), ordering);
      if (f.fee() != null && f.fee().signum() > 0) entry(out, pool, "fee", f.staker(), "on chain", new Amount(Asset.BHKR, f.fee()), f.at(), ordering);
    }
  }

  private static void entry(Sink out, String pool, String entry, String party, String reason, Amount amount, long at, long ordering)
      throws SQLException {
    out.row("micropool_entries").append(pool).append(entry).append(party).append(reason).append(asset(amount)).append(exact(amount))
        .append(at).append(ordering).endRow();
  }

  @Override
  public void finish(Sink out) throws SQLException {
    for (var p : pools.entrySet()) {
      Life l = p.getValue();
      MicroPoolOpening o = l.opening();
      MicroPoolTerms t = o.terms();
      out.row("micropools").append(p.getKey()).append(o.providerId()).append(asset(o.stake())).append(exact(o.stake()))
          .append(asset(t.fp())).append(exact(t.fp())).append(exact(t.validatorStake())).append(t.feeRewardBps()).append(t.ipBps())
          .append(t.rpBps()).append(t.endsAt()).append(t.chainPool()).append(o.openedAt()).append(l.activatedAt())
          .append(exact(l.activatedTotal())).append(l.closedAt()).append(l.slashings()).append(l.ordering()).endRow();
    }
  }
}
