package io.bhkr.chain;

import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.Proposal;
import io.bhkr.rules.Keccak256;
import java.util.ArrayList;
import java.util.List;

/**
 * What the on-chain registry must say, given what governance has decided in the journal: the
 * seated governors, the providers whose qualification passed, and the hash of the parameters in
 * force. Each fact becomes a transaction with an id derived from the fact itself, so submitting
 * the whole list again and again sends each fact once. Pure.
 */
public final class RegistryMirror {

  private RegistryMirror() {}

  public static List<ChainTransaction> transactions(GovernanceEntity.GovernanceView governance, ContractAddresses contracts) {
    List<ChainTransaction> out = new ArrayList<>();
    for (String governor : governance.governors())
      out.add(ChainCalls.setGovernor("governor:" + governor.toLowerCase(), contracts, governor, true));
    governance.proposals().values().stream()
        .filter(p -> p.kind() == Proposal.Kind.QUALIFY_PROVIDER && p.status() == Proposal.Status.PASSED)
        .filter(p -> p.providerId() != null && p.providerId().matches("0x[0-9a-fA-F]{40}"))
        .sorted(java.util.Comparator.comparing(Proposal::proposalId))
        .forEach(p -> out.add(ChainCalls.setQualified("qualify:" + p.proposalId(), contracts, p.providerId(), true)));
    byte[] hash = parametersHash(governance.parameters());
    out.add(ChainCalls.setParametersHash("parameters:" + Keccak256.hex(hash), contracts, hash));
    return out;
  }

  /** keccak256 of the parameters as canonical JSON (keys sorted, amounts as decimal strings). */
  public static byte[] parametersHash(Parameters parameters) {
    return CanonicalJson.keccak(parameters);
  }
}
