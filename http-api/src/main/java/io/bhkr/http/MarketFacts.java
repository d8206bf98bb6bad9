package io.bhkr.http;

import io.bhkr.governance.ElectionHeld;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.persistence.events.MarketEvents;
import io.bhkr.pool.CompensationPaid;
import io.bhkr.pool.RewardsDistributed;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.ProjectFailed;
import io.bhkr.project.ProjectSettled;
import io.bhkr.provider.ProviderDisqualified;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.provider.ScoreRecorded;
import io.bhkr.rules.Auction.Candidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which journaled events are the market's public facts, and how they read on the event stream
 * ({@code GET /api/v1/events}). A list of kinds, not a dump of the journal: a sealed bid
 * ({@code BidPlaced}) or a transfer's internals never appear. Every fact says where it is in the
 * journal ({@code offset}, {@code persistenceId}, {@code sequenceNr}) and carries the event's own
 * fields, so an auction can be recomputed from its fact alone.
 */
final class MarketFacts {

  private MarketFacts() {}

  /** The fact's kind (the SSE event type) and its body; empty when the event is not public. */
  record Fact(String kind, Map<String, Object> body) {}

  static Optional<Fact> of(MarketEvents.Journaled j) {
    String id = entityId(j.persistenceId());
    Object e = j.event();
    Fact fact;
    if (e instanceof AuctionClosed a) fact = new Fact("auction-closed", auction(id, a));
    else if (e instanceof ProjectSettled s) fact = new Fact("project-settled", settled(id, s));
    else if (e instanceof ProjectFailed f) fact = new Fact("project-failed", fields("projectId", id, "failedAt", f.failedAt(),
        "reason", f.reason(), "servedDays", f.servedDays(), "compensation", Wire.amount(f.compensation())));
    else if (e instanceof ProviderEntity.ProviderApplied p) fact = new Fact("provider-applied", fields("providerId", p.providerId(),
        "brandName", p.brandName(), "maxPrice", Wire.amount(p.maxPrice()), "appliedAt", p.appliedAt()));
    else if (e instanceof ScoreRecorded s) fact = new Fact("score-recorded", fields("providerId", id, "score", s.score().score(),
        "cause", s.cause(), "at", s.at()));
    else if (e instanceof ProviderDisqualified d) fact = new Fact("provider-disqualified", fields("providerId", id,
        "reason", d.reason(), "at", d.at(), "until", d.until()));
    else if (e instanceof RewardsDistributed r) fact = new Fact("rewards-distributed", distributed(id, r));
    else if (e instanceof CompensationPaid c) fact = new Fact("compensation-paid", fields("pool", id, "claimId", c.claimId(),
        "asset", c.asset().name(), "paid", strings(c.paid()), "stillOwed", strings(c.stillOwed()), "trigger", c.trigger(), "at", c.at()));
    else if (e instanceof GovernanceEntity.ProposalOpened o) fact = new Fact("proposal-opened", fields("proposalId",
        o.proposal().proposalId(), "proposalKind", o.proposal().kind().name(), "providerId", o.proposal().providerId(),
        "proposer", o.proposal().proposer(), "createdAt", o.proposal().createdAt(), "deadline", o.proposal().deadline()));
    else if (e instanceof GovernanceEntity.ProposalDecided d) fact = new Fact("proposal-decided", fields("proposalId", d.proposalId(),
        "outcome", d.outcome().name(), "at", d.at()));
    else if (e instanceof GovernanceEntity.ParameterChanged p) fact = new Fact("parameter-changed", fields("proposalId", p.proposalId(),
        "name", p.name(), "value", p.value(), "at", p.at()));
    else if (e instanceof ElectionHeld h) fact = new Fact("election-held", fields("number", h.number(), "at", h.at(),
        "seats", h.seats(), "elected", h.elected(), "phaseAfter", h.phaseAfter().name()));
    else return Optional.empty();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", fact.kind());
    body.put("offset", j.offset());
    body.put("persistenceId", j.persistenceId());
    body.put("sequenceNr", j.sequenceNr());
    body.put("journaledAt", j.timestamp());
    fact.body().forEach((k, v) -> {
      if (body.putIfAbsent(k, v) != null) throw new IllegalStateException("a fact's field " + k + " would hide the envelope's");
    });
    return Optional.of(new Fact(fact.kind(), body));
  }

  private static Map<String, Object> auction(String projectId, AuctionClosed a) {
    Map<String, Object> m = fields("projectId", projectId, "closedAt", a.closedAt(), "beacon", a.beacon(), "seed", a.seed(),
        "totalScore", a.totalScore().toString(), "r", a.r().toString(), "winner", a.winner(),
        "pricePaid", a.pricePaid() == null ? null : Wire.amount(a.pricePaid()));
    m.put("candidates", candidates(a.candidates()));
    m.put("admissible", candidates(a.admissible()));
    return m;
  }

  private static Map<String, Object> settled(String projectId, ProjectSettled s) {
    Map<String, Object> m = fields("projectId", projectId, "profit", Wire.amount(s.profit()), "at", s.at());
    m.put("legs", s.legs().stream().map(l -> fields("to", l.to(), "asset", l.amount().asset().name(),
        "amount", l.amount().amount().toString(), "reason", l.reason())).toList());
    return m;
  }

  private static Map<String, Object> distributed(String pool, RewardsDistributed r) {
    Map<String, Object> m = fields("pool", pool, "epoch", r.epoch(), "windowStart", r.windowStart(), "windowEnd", r.windowEnd());
    m.put("legs", r.legs().stream().map(l -> fields("to", l.to(), "asset", l.amount().asset().name(),
        "amount", l.amount().amount().toString(), "group", l.group().name())).toList());
    return m;
  }

  static List<Map<String, Object>> candidates(List<Candidate> list) {
    return list.stream().map(c -> fields("providerId", c.providerId(), "price", Wire.amount(c.price()), "score", c.score())).toList();
  }

  private static Map<String, String> strings(Map<String, java.math.BigInteger> amounts) {
    Map<String, String> m = new LinkedHashMap<>();
    amounts.forEach((k, v) -> m.put(k, v.toString()));
    return m;
  }

  /** {@code Project|p-1} → {@code p-1}. */
  private static String entityId(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(bar + 1);
  }

  /** An ordered map of name, value pairs; nulls are kept (a JSON null says the field has no value). */
  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
    return m;
  }
}
