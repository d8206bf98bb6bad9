package io.bhkr.chain.testing;

import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.contracts.BhkrToken;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.chain.contracts.Registry;
import io.bhkr.chain.contracts.SettlementAnchor;
import org.web3j.crypto.Credentials;

/** The contracts freshly deployed by dev account 0 (deployer, platform signer and bridge key), and wrappers for any key. */
public record Deployed(EthereumNode node, Deployment deployment) {

  public static Deployed on(Anvil anvil) {
    try {
      return new Deployed(anvil.node(), Deployment.deploy(anvil.node(), DevKeys.key(0), DevKeys.address(0), DevKeys.address(0)));
    } catch (Exception e) {
      throw new IllegalStateException("deployment failed", e);
    }
  }

  public ContractAddresses contracts() {
    return deployment.contracts();
  }

  public long chainId() {
    return contracts().chainId();
  }

  public BhkrToken token(Credentials as) {
    return BhkrToken.load(contracts().token(), node.web3j(), tm(as), gas());
  }

  public CustodyVault vault(Credentials as) {
    return CustodyVault.load(contracts().vault(), node.web3j(), tm(as), gas());
  }

  public Registry registry(Credentials as) {
    return Registry.load(contracts().registry(), node.web3j(), tm(as), gas());
  }

  public SettlementAnchor anchor(Credentials as) {
    return SettlementAnchor.load(contracts().anchor(), node.web3j(), tm(as), gas());
  }

  public org.web3j.tx.TransactionManager tm(Credentials as) {
    return Deployment.transactions(node, as, chainId());
  }

  public org.web3j.tx.gas.ContractGasProvider gas() {
    return Deployment.gas(node, chainId());
  }
}
