package io.bhkr.replay.export;

import static io.bhkr.replay.export.Cells.asset;
import static io.bhkr.replay.export.Cells.entityId;
import static io.bhkr.replay.export.Cells.exact;
import static io.bhkr.replay.export.Cells.size;
import static io.bhkr.replay.export.Cells.text;

import io.bhkr.pool.RewardsDistributed;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.BidPlaced;
import io.bhkr.project.ProjectSettled;
import io.bhkr.project.SettlementLeg;
import io.bhkr.replay.Replayed;
import io.bhkr.rules.Auction.Candidate;
import io.bhkr.rules.RewardDistribution;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Auctions with their bids and candidates, settlements with their legs, Reward Pool distributions. */
final class AuctionRows implements TableRows {

  @Override
  public Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("auctions", "project VARCHAR, closed_at_ms BIGINT, winner VARCHAR, price_asset VARCHAR, price_paid DECIMAL(38,0),"
        + " seed VARCHAR, r VARCHAR, total_score VARCHAR, admissible_count INTEGER, candidate_count INTEGER, ordering BIGINT");
    t.put("bids", "project VARCHAR, provider VARCHAR, price_asset VARCHAR, price DECIMAL(38,0), at_ms BIGINT, ordering BIGINT");
    t.put("auction_candidates", "project VARCHAR, provider VARCHAR, price_asset VARCHAR, price DECIMAL(38,0), score BIGINT,"
        + " candidate BOOLEAN, won BOOLEAN");
    t.put("settlements", "project VARCHAR, at_ms BIGINT, profit_asset VARCHAR, profit DECIMAL(38,0), leg_count INTEGER, ordering BIGINT");
    t.put("settlement_legs", "project VARCHAR, leg INTEGER, recipient VARCHAR, reason VARCHAR, asset VARCHAR, amount DECIMAL(38,0)");
    t.put("distributions", "epoch BIGINT, window_start_ms BIGINT, window_end_ms BIGINT, reward_group VARCHAR,"
        + " account VARCHAR, asset VARCHAR, amount DECIMAL(38,0), ordering BIGINT");
    return t;
  }

  @Override
  public void accept(Replayed r, Sink out) throws SQLException {
    String id = entityId(r.persistenceId());
    long ordering = r.row().ordering();
    if (r.event() instanceof BidPlaced b) {
      out.row("bids").append(id).append(b.providerId()).append(asset(b.price())).append(exact(b.price())).append(b.at())
          .append(ordering).endRow();
    } else if (r.event() instanceof AuctionClosed a) {
      out.row("auctions").append(id).append(a.closedAt()).append(a.winner()).append(asset(a.pricePaid())).append(exact(a.pricePaid()))
          .append(a.seed()).append(text(a.r())).append(text(a.totalScore())).append(size(a.admissible()))
          .append(size(a.candidates())).append(ordering).endRow();
      // the lowest-price set is a subset of the admissible bids: flag it rather than list bids twice
      Set<String> lowest = new HashSet<>();
      if (a.candidates() != null) for (Candidate c : a.candidates()) lowest.add(c.providerId());
      if (a.admissible() != null) for (Candidate c : a.admissible()) {
        out.row("auction_candidates").append(id).append(c.providerId()).append(asset(c.price())).append(exact(c.price()))
            .append(c.score()).append(lowest.contains(c.providerId())).append(c.providerId().equals(a.winner())).endRow();
      }
    } else if (r.event() instanceof RewardsDistributed d) {
      for (RewardDistribution.Leg l : d.legs()) {
        out.row("distributions").append(d.epoch()).append(d.windowStart()).append(d.windowEnd())
            .append(l.group() == null ? null : l.group().name()).append(l.to()).append(asset(l.amount())).append(exact(l.amount()))
            .append(ordering).endRow();
      }
    } else if (r.event() instanceof ProjectSettled s) {
      List<SettlementLeg> legs = s.legs() == null ? List.of() : s.legs();
      out.row("settlements").append(id).append(s.at()).append(asset(s.profit())).append(exact(s.profit())).append(legs.size())
          .append(ordering).endRow();
      for (int i = 0; i < legs.size(); i++) {
        SettlementLeg l = legs.get(i);
        out.row("settlement_legs").append(id).append(i).append(l.to()).append(l.reason()).append(asset(l.amount()))
            .append(exact(l.amount())).endRow();
      }
    }
  }
}
