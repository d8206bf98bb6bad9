package io.bhkr.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Election;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Elections are deterministic and fill at most the open seats; missed-vote slashes and returns conserve every stake. */
class CouncilProperties {

  private static final List<String> PEOPLE = List.of("0xa1", "0xa2", "0xa3", "0xa4", "0xa5", "0xa6", "0xa7");
  private static final List<String> STAKERS = List.of("0xs1", "0xs2");

  /** Something that happens to the council: a stake, a pledge, or a proposal closing with some governors voting. */
  record Step(int kind, int who, int whom, long amount, int votersMask) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, PEOPLE.size() - 1),
        Arbitraries.integers().between(0, PEOPLE.size() - 1), Arbitraries.longs().between(0, 1_000),
        Arbitraries.integers().between(0, 127)).as(Step::new).list().ofMaxSize(30);
  }

  @Property
  void anElectionIsDeterministicAndFillsNoMoreThanTheOpenSeats(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 3) int genesisSeats,
      @ForAll @LongRange(min = 0, max = 300) long minStake, @ForAll @LongRange(min = 0, max = 500) long staked) {
    ElectionParameters ep = new ElectionParameters(Amount.of(Asset.BHKR, minStake), 365, 1_000, 3);
    Council council = play(Council.founded(PEOPLE.subList(0, Math.max(2, genesisSeats)), 2, 0), steps, ep);
    Map<String, BigInteger> stakedNow = Map.of(STAKERS.get(0), BigInteger.valueOf(staked));
    ElectionHeld e = council.election(1_000, stakedNow, ep);
    assertEquals(e, council.election(1_000, stakedNow, ep), "the same inputs elect the same");
    assertTrue(e.elected().size() <= e.seats(), e.toString());
    int open = council.phase() == Phase.AUTOMATED ? 5 : council.openSeats();
    assertEquals(open, e.seats());
    assertEquals(e.elected().size(), new HashSet<>(e.elected()).size(), "nobody is seated twice");
    for (String winner : e.elected()) {
      Election.Candidate c = e.candidates().stream().filter(x -> x.address().equals(winner)).findFirst().orElseThrow();
      assertTrue(c.ownStake().compareTo(ep.governorMinStake().amount()) >= 0, "an elected candidate holds the minimum stake");
    }
    Council after = council.elected(e);
    assertTrue(after.seats().size() <= 5);
    BigInteger returned = Council.returns(e).stream().map(t -> t.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(council.totalStaked(), after.totalStaked().add(returned), "an election keeps or returns every stake");
  }

  @Property
  void missedVoteSlashesAndReturnsConserveEveryStake(@ForAll("steps") List<Step> steps) {
    ElectionParameters ep = new ElectionParameters(Amount.of(Asset.BHKR, 200), 365, 1_000, 3);
    Council council = Council.founded(PEOPLE.subList(0, 5), 2, 0);
    int proposal = 0;
    for (Step s : steps) {
      BigInteger before = council.totalStaked();
      if (s.kind() == 2) {
        AttendanceRecorded rec = council.attendance(proposal(++proposal, council, s.votersMask()), proposal, ep);
        Council next = council.attended(rec);
        BigInteger out = Council.transfers(rec).stream().map(t -> t.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(before, next.totalStaked().add(out), "a slash or a return moves stake, never makes or loses it");
        for (Transfer t : Council.transfers(rec))
          assertTrue(t.to().equals(Party.REWARD_POOL) || t.to().kind() == Party.Kind.ACCOUNT);
        council = next;
      } else {
        council = step(council, s, ep);
      }
    }
  }

  private static Council play(Council council, List<Step> steps, ElectionParameters ep) {
    for (Step s : steps) council = step(council, s, ep);
    return council;
  }

  private static Council step(Council council, Step s, ElectionParameters ep) {
    return switch (s.kind()) {
      case 0 -> council.staked(Transfer.of("t" + s.hashCode(), Party.account(PEOPLE.get(s.who())), Party.GOVERNANCE,
          Amount.of(Asset.BHKR, s.amount() + 1), Purpose.GOVERNOR_STAKE, s.amount()));
      case 1 -> council.isStanding(PEOPLE.get(s.whom()))
          ? council.pledged(new ElectionVotesGiven(STAKERS.get(s.who() % 2), PEOPLE.get(s.whom()), BigInteger.valueOf(s.amount()),
              BigInteger.valueOf(s.amount()), 0))
          : council;
      default -> council.attended(council.attendance(proposal(s.hashCode(), council, s.votersMask()), 1, ep));
    };
  }

  private static Proposal proposal(int id, Council council, int votersMask) {
    List<String> seated = new ArrayList<>(council.seats().keySet());
    List<String> yes = new ArrayList<>();
    for (int i = 0; i < seated.size(); i++) if ((votersMask & (1 << i)) != 0) yes.add(seated.get(i));
    return new Proposal("p" + id, Proposal.Kind.QUALIFY_PROVIDER, "0xp", seated.isEmpty() ? "0x" : seated.get(0), 0, 1,
        new HashSet<>(yes), Collections.emptySet(), Proposal.Status.PASSED);
  }
}
