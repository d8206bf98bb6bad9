package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.Proposal;
import io.bhkr.rules.Keccak256;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest {

  private static final ContractAddresses CONTRACTS = new ContractAddresses(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3",
      "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
      "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9");

  private static Proposal proposal(String id, String provider, Proposal.Status status) {
    return new Proposal(id, Proposal.Kind.QUALIFY_PROVIDER, provider, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", 0, 1,
        Set.of(), Set.of(), status);
  }

  @Test
  void governorsPassedQualificationsAndTheParametersHashBecomeOneTransactionEachWithStableIds() {
    String provider = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
    var view = new GovernanceEntity.GovernanceView(1, List.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), Parameters.development(),
        Map.of("p-2", proposal("p-2", provider, Proposal.Status.PASSED), "p-1", proposal("p-1", provider, Proposal.Status.OPEN),
            "p-3", proposal("p-3", provider, Proposal.Status.REJECTED)));
    List<ChainTransaction> txs = RegistryMirror.transactions(view, CONTRACTS);
    String hash = Keccak256.hex(RegistryMirror.parametersHash(Parameters.development()));
    assertEquals(List.of("governor:0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "qualify:p-2", "parameters:" + hash),
        txs.stream().map(ChainTransaction::id).toList());
    assertEquals(CONTRACTS.registry(), txs.get(1).to());
    assertEquals(txs, RegistryMirror.transactions(view, CONTRACTS)); // the same facts, the same transactions
  }

  @Test
  void otherParametersHashOtherwise() {
    assertFalse(java.util.Arrays.equals(RegistryMirror.parametersHash(Parameters.development()),
        RegistryMirror.parametersHash(Parameters.defaults())));
  }
}
