package io.bhkr.replay.export;

import static io.bhkr.replay.export.Cells.exact;
import static io.bhkr.replay.export.Cells.joined;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.governance.AttendanceRecorded;
import io.bhkr.governance.ElectionHeld;
import io.bhkr.governance.GovernanceEntity.GovernanceFounded;
import io.bhkr.governance.GovernanceEntity.ParameterChanged;
import io.bhkr.governance.GovernanceEntity.ProposalDecided;
import io.bhkr.governance.GovernanceEntity.ProposalOpened;
import io.bhkr.governance.GovernanceEntity.VoteCast;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.Proposal;
import io.bhkr.replay.Replayed;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Governance's decisions: each proposal with its outcome, each vote, each election, each
 * governor's attendance mark, and the parameter history (the genesis, then every change, with the
 * whole parameter set in force after it as JSON).
 */
final class GovernanceRows implements TableRows {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  /** A proposal as opened, and its outcome once decided. */
  private record Opened(Proposal proposal, long ordering, Proposal.Status outcome, Long decidedAt) {}

  /** A proposal's row waits for its outcome; a journal holds few proposals, so they wait in memory. */
  private final Map<String, Opened> proposals = new LinkedHashMap<>();

  @Override
  public Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("proposals", "proposal VARCHAR, kind VARCHAR, proposer VARCHAR, provider VARCHAR, setting_name VARCHAR,"
        + " setting_value VARCHAR, created_at_ms BIGINT, deadline_ms BIGINT, outcome VARCHAR, decided_at_ms BIGINT, ordering BIGINT");
    t.put("votes", "proposal VARCHAR, governor VARCHAR, in_favour BOOLEAN, at_ms BIGINT, ordering BIGINT");
    t.put("elections", "election INTEGER, at_ms BIGINT, seats INTEGER, candidate_count INTEGER, elected VARCHAR,"
        + " phase_before VARCHAR, phase_after VARCHAR, ordering BIGINT");
    t.put("attendance", "proposal VARCHAR, governor VARCHAR, voted BOOLEAN, missed_votes INTEGER, slashed DECIMAL(38,0),"
        + " stake_left DECIMAL(38,0), unseated BOOLEAN, at_ms BIGINT");
    t.put("parameter_history", "at_ms BIGINT, proposal VARCHAR, name VARCHAR, value VARCHAR, parameters_json VARCHAR, ordering BIGINT");
    return t;
  }

  @Override
  public void accept(Replayed r, Sink out) throws SQLException {
    long ordering = r.row().ordering();
    Object e = r.event();
    if (e instanceof GovernanceFounded f) {
      out.row("parameter_history").append(f.at()).append((String) null).append("genesis").append((String) null)
          .append(json(f.genesis().parameters())).append(ordering).endRow();
    } else if (e instanceof ParameterChanged c) {
      out.row("parameter_history").append(c.at()).append(c.proposalId()).append(c.name()).append(c.value())
          .append(json(c.parameters())).append(ordering).endRow();
    } else if (e instanceof ProposalOpened o) {
      proposals.put(o.proposal().proposalId(), new Opened(o.proposal(), ordering, null, null));
    } else if (e instanceof ProposalDecided d) {
      proposals.computeIfPresent(d.proposalId(), (id, p) -> new Opened(p.proposal(), p.ordering(), d.outcome(), d.at()));
    } else if (e instanceof VoteCast v) {
      out.row("votes").append(v.proposalId()).append(v.governor()).append(v.inFavour()).append(v.at()).append(ordering).endRow();
    } else if (e instanceof ElectionHeld h) {
      out.row("elections").append(h.number()).append(h.at()).append(h.seats()).append(h.candidates() == null ? 0 : h.candidates().size())
          .append(joined(h.elected())).append(h.phaseBefore().name()).append(h.phaseAfter().name()).append(ordering).endRow();
    } else if (e instanceof AttendanceRecorded a) {
      for (AttendanceRecorded.Mark m : a.marks()) {
        out.row("attendance").append(a.proposalId()).append(m.governor()).append(m.voted()).append(m.missedVotes())
            .append(exact(m.slashed())).append(exact(m.stakeLeft())).append(m.unseated()).append(a.at()).endRow();
      }
    }
  }

  /** Proposals still undecided at the journal's end are written as OPEN. */
  @Override
  public void finish(Sink out) throws SQLException {
    for (Opened o : proposals.values()) {
      Proposal p = o.proposal();
      out.row("proposals").append(p.proposalId()).append(p.kind().name()).append(p.proposer()).append(p.providerId())
          .append(p.setting() == null ? null : p.setting().name()).append(p.setting() == null ? null : p.setting().value())
          .append(p.createdAt()).append(p.deadline()).append((o.outcome() == null ? Proposal.Status.OPEN : o.outcome()).name())
          .append(o.decidedAt()).append(o.ordering()).endRow();
    }
  }

  private static String json(Parameters p) {
    try {
      return JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write parameters as JSON: " + e.getMessage(), e);
    }
  }
}
