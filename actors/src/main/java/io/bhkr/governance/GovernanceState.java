package io.bhkr.governance;

import io.bhkr.governance.GovernanceEntity.Genesis;
import io.bhkr.governance.GovernanceEntity.GovernanceFounded;
import io.bhkr.governance.GovernanceEntity.ParameterChanged;
import io.bhkr.governance.GovernanceEntity.ProposalDecided;
import io.bhkr.governance.GovernanceEntity.ProposalOpened;
import io.bhkr.governance.GovernanceEntity.VoteCast;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.Transfer;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code genesis} keeps n and the parameters in force (a passed SET_PARAMETER replaces them);
 * who sits is {@code council}'s, which the genesis only starts.
 */
public record GovernanceState(Genesis genesis, Map<String, Proposal> proposals, Outbox outbox, Council council, Seen seen)
    implements JsonSerializable {
  /** A snapshot from before elections has no council: the genesis seats are the council then. */
  public GovernanceState {
    if (council == null && genesis != null) council = Council.founded(genesis.governors(), genesis.n(), 0);
    if (seen == null) seen = Seen.none();
  }

  boolean isGovernor(String address) {
    return council != null && council.isGovernor(address);
  }

  GovernanceState withProposal(Proposal p) {
    Map<String, Proposal> copy = new HashMap<>(proposals);
    copy.put(p.proposalId(), p);
    return new GovernanceState(genesis, copy, outbox, council, seen);
  }

  GovernanceState withGenesis(Genesis g) {
    return new GovernanceState(g, proposals, outbox, council, seen);
  }

  GovernanceState withCouncil(Council c) {
    return new GovernanceState(genesis, proposals, outbox, c, seen);
  }

  GovernanceState withOutbox(Outbox o) {
    return new GovernanceState(genesis, proposals, o, council, seen);
  }

  GovernanceState seen(String dispatchId) {
    return new GovernanceState(genesis, proposals, outbox, council, seen.with(dispatchId));
  }

  /** The governance before its genesis. */
  public static GovernanceState empty() {
    return new GovernanceState(null, Map.of(), Outbox.empty(), null, Seen.none());
  }

  /** The governance after {@code event}: the entity's event handler, and what replay and time travel fold with. */
  public GovernanceState apply(DomainEvent event) {
    GovernanceState s = this;
    if (event instanceof GovernanceFounded e)
      return s.withGenesis(e.genesis()).withCouncil(Council.founded(e.genesis().governors(), e.genesis().n(), e.at()));
    if (event instanceof ProposalOpened e) return s.withProposal(e.proposal());
    if (event instanceof VoteCast e) return s.withProposal(s.proposals().get(e.proposalId()).withVote(e.governor(), e.inFavour()));
    if (event instanceof ProposalDecided e) return s.withProposal(s.proposals().get(e.proposalId()).withStatus(e.outcome()));
    if (event instanceof ParameterChanged e) return s.withGenesis(new Genesis(s.genesis().governors(), s.genesis().n(), e.parameters()));
    if (event instanceof DispatchReceived e)
      return (GovernanceDecisions.isGovernorStake(e.dispatch()) ? s.withCouncil(s.council().staked((Transfer) e.dispatch())) : s).seen(e.dispatch().id());
    if (event instanceof GovernorStakeReturned e) return s.seen(e.stake().id()).withOutbox(s.outbox().add(e.back()));
    if (event instanceof ElectionVotesGiven e) return s.withCouncil(s.council().pledged(e));
    if (event instanceof ElectionHeld e) return s.withCouncil(s.council().elected(e));
    if (event instanceof AttendanceRecorded e) return s.withCouncil(s.council().attended(e));
    if (event instanceof DispatchSent e) return s.withOutbox(s.outbox().add(e.dispatch()));
    if (event instanceof DispatchConfirmed e) return s.withOutbox(s.outbox().confirm(e.dispatchId()));
    if (event instanceof DispatchesConfirmed e) return e.confirmEach(s, (x, id) -> x.withOutbox(x.outbox().confirm(id)));
    throw new IllegalStateException("the governance cannot apply " + event.getClass().getName());
  }
}
