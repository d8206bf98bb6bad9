package io.bhkr.replay;

import io.bhkr.bytes.Hex;
import io.bhkr.chain.contracts.SettlementAnchor;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The Merkle roots a settlement anchor holds on chain, read over JSON-RPC, so {@code verify
 * --chain-rpc} can check that the root a payout epoch anchored is the one its journal computed.
 */
public interface AnchoredRoots {

  /** The root anchored for {@code epoch} at {@code anchor} (0x-hex), empty when none is. */
  Optional<String> rootOf(String anchor, long epoch);

  static AnchoredRoots none() {
    return (anchor, epoch) -> Optional.empty();
  }

  static AnchoredRoots over(String rpcUrl) {
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    return (anchor, epoch) -> {
      try {
        SettlementAnchor contract = SettlementAnchor.load(anchor, web3j,
            new ReadonlyTransactionManager(web3j, anchor), new DefaultGasProvider());
        byte[] root = contract.rootOf(BigInteger.valueOf(epoch)).send();
        return root == null || new BigInteger(1, root).signum() == 0 ? Optional.empty() : Optional.of(Hex.encode(root));
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the root of epoch " + epoch + " from the anchor " + anchor + " at " + rpcUrl + ": "
            + e.getMessage(), e);
      }
    };
  }
}
