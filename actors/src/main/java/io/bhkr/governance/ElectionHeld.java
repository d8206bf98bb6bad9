package io.bhkr.governance;

import io.bhkr.rules.Election;
import java.util.List;

/**
 * An election with every input it was decided on: the candidates (own stake, votes given counted
 * against what their stakers still staked, application time), the seats it filled, and who won
 * ({@link Election#elect}). In TRANSITION it fills the open seats from the candidacies; in
 * AUTOMATED every seat is re-elected and the sitting governors stand again.
 *
 * @param number the how-many-th election this is, which names its stake returns
 */
public record ElectionHeld(int number, long at, Phase phaseBefore, int seats, List<Election.Candidate> candidates,
    List<String> elected, Phase phaseAfter) implements GovernanceEvents {

  public ElectionHeld {
    candidates = List.copyOf(candidates);
    elected = List.copyOf(elected);
  }
}
