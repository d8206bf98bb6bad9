package io.bhkr.http;

import io.bhkr.governance.Candidacy;
import io.bhkr.governance.Council;
import io.bhkr.governance.ElectionHeld;
import io.bhkr.governance.GovernanceEntity.GovernanceView;
import io.bhkr.governance.Seat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the API shows the council: seats with stakes and misses, candidacies, pledged votes, elections. */
final class GovernanceRendering {

  private GovernanceRendering() {}

  static Map<String, Object> overview(GovernanceView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    Council c = v.council();
    if (c == null) {
      m.put("phase", "INITIALIZATION");
      m.put("n", 0);
      m.put("governors", List.of());
      m.put("parameters", GovernanceEndpoints.parameters(null));
      return m;
    }
    Map<String, BigInteger> pledged = c.pledgedTo();
    m.put("phase", c.phase().name());
    m.put("n", v.n());
    List<Map<String, Object>> governors = new ArrayList<>();
    c.seats().forEach((address, seat) -> governors.add(seat(address, seat, pledged)));
    m.put("governors", governors);
    List<Map<String, Object>> candidates = new ArrayList<>();
    c.candidacies().forEach((address, candidacy) -> candidates.add(candidacy(address, candidacy, pledged)));
    m.put("candidates", candidates);
    m.put("openSeats", c.openSeats());
    m.put("termStart", c.termStart());
    if (c.phase() == io.bhkr.governance.Phase.AUTOMATED)
      m.put("nextElectionAt", c.termStart() + v.parameters().elections().termDays() * 86_400L);
    m.put("elections", c.elections());
    m.put("parameters", GovernanceEndpoints.parameters(v.parameters()));
    return m;
  }

  /** One address's place: seated, standing, or neither. */
  static Map<String, Object> standing(GovernanceView v, String address) {
    Council c = v.council();
    Map<String, BigInteger> pledged = c.pledgedTo();
    if (c.isGovernor(address)) {
      Map<String, Object> m = seat(address, c.seats().get(address), pledged);
      m.put("role", "GOVERNOR");
      return m;
    }
    Candidacy candidacy = c.candidacies().get(address);
    if (candidacy == null) return Map.of("address", address, "role", "NONE");
    Map<String, Object> m = candidacy(address, candidacy, pledged);
    m.put("role", "CANDIDATE");
    return m;
  }

  static Map<String, Object> election(ElectionHeld e, GovernanceView after) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("election", e.number());
    m.put("at", e.at());
    m.put("seats", e.seats());
    m.put("candidates", e.candidates().stream().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("address", c.address());
      x.put("stake", c.ownStake().toString());
      x.put("given", c.given().toString());
      x.put("votes", c.votes().toString());
      x.put("appliedAt", c.appliedAt());
      return x;
    }).toList());
    m.put("elected", e.elected());
    m.put("phase", e.phaseAfter().name());
    m.put("governors", List.copyOf(after.council().seats().keySet()));
    return m;
  }

  private static Map<String, Object> seat(String address, Seat seat, Map<String, BigInteger> pledged) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", address);
    m.put("stake", seat.stake().toString());
    m.put("missedVotes", seat.missedVotes());
    m.put("votesGiven", pledged.getOrDefault(address, BigInteger.ZERO).toString());
    m.put("seatedAt", seat.seatedAt());
    return m;
  }

  private static Map<String, Object> candidacy(String address, Candidacy c, Map<String, BigInteger> pledged) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", address);
    m.put("stake", c.stake().toString());
    m.put("votesGiven", pledged.getOrDefault(address, BigInteger.ZERO).toString());
    m.put("appliedAt", c.appliedAt());
    return m;
  }
}
