package io.bhkr.http;

import io.bhkr.project.AuctionClosed;
import io.bhkr.project.ProjectView;
import io.bhkr.rules.Auction.Candidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a project reads in the API. Sealed bids never appear before the auction has closed. */
final class ProjectRendering {

  private ProjectRendering() {}

  static Map<String, Object> created(ProjectView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("projectId", v.projectId());
    m.put("status", v.status().name());
    m.put("fp", Wire.amount(v.fp()));
    m.put("commitment", v.commitment());
    m.put("closesAt", v.closesAt());
    return m;
  }

  static Map<String, Object> full(ProjectView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("projectId", v.projectId());
    m.put("status", v.status().name());
    m.put("requester", v.requester());
    m.put("quoteId", v.quoteId());
    m.put("fp", Wire.amount(v.fp()));
    m.put("maxBid", Wire.amount(v.maxBid()));
    m.put("openedAt", v.openedAt());
    m.put("closesAt", v.closesAt());
    m.put("winner", v.winner());
    m.put("price", Wire.amount(v.price()));
    m.put("auction", auction(v.commitment(), v.auction()));
    m.put("settlement", v.settlement().stream().map(leg -> {
      Map<String, String> l = new LinkedHashMap<>();
      l.put("to", leg.to());
      l.put("asset", leg.amount().asset().name());
      l.put("amount", leg.amount().amount().toString());
      l.put("reason", leg.reason());
      return l;
    }).toList());
    if (v.failure() != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("failedAt", v.failure().failedAt());
      f.put("reason", v.failure().reason());
      f.put("servedDays", v.failure().servedDays());
      f.put("expectedProfitMicroUsd", v.failure().expectedProfitMicroUsd().toString());
      f.put("compensation", Wire.amount(v.failure().compensation()));
      m.put("failure", f);
    }
    m.put("escrow", Wire.balances(v.escrow()));
    return m;
  }

  /** Everything needed to recompute the pick (economics 2.4); before the close, only the commitment. */
  private static Map<String, Object> auction(String commitment, AuctionClosed a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commitment", commitment);
    if (a == null) return m;
    m.put("closedAt", a.closedAt());
    m.put("beacon", a.beacon());
    m.put("seed", a.seed());
    m.put("totalScore", a.totalScore().toString());
    m.put("r", a.r().toString());
    m.put("candidates", candidates(a.candidates()));
    m.put("admissible", candidates(a.admissible()));
    return m;
  }

  private static List<Map<String, Object>> candidates(List<Candidate> list) {
    return list.stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("providerId", c.providerId());
      m.put("price", Wire.amount(c.price()));
      m.put("score", c.score());
      return m;
    }).toList();
  }
}
