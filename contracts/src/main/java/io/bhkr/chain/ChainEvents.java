package io.bhkr.chain;

import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import io.bhkr.micropool.ChainPoolFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;

/**
 * Turns the logs of the BHKR contracts into deposits and micro-pool facts, by their ABI (the wrappers' event
 * definitions, generated from the same compiler output as the deployed code). Pure: the same
 * log always gives the same deposit.
 */
public final class ChainEvents {

  private static final String DEPOSITED = EventEncoder.encode(CustodyVault.DEPOSITED_EVENT);
  private static final String PROFIT_DEPOSITED = EventEncoder.encode(CustodyVault.PROFITDEPOSITED_EVENT);
  private static final String STAKED = EventEncoder.encode(MicroPool.STAKED_EVENT);
  private static final String UNSTAKED = EventEncoder.encode(MicroPool.UNSTAKED_EVENT);
  private static final String ACTIVATED = EventEncoder.encode(MicroPool.ACTIVATED_EVENT);
  private static final String WITHDRAWN = EventEncoder.encode(CustodyVault.WITHDRAWN_EVENT);
  private static final String ETH = "0x0000000000000000000000000000000000000000";

  private ChainEvents() {}

  /** The topics the bridge asks the node for (any of them, from the followed contracts). */
  public static List<String> followedTopics() {
    return List.of(DEPOSITED, PROFIT_DEPOSITED, STAKED, WITHDRAWN, UNSTAKED, ACTIVATED);
  }

  /** The deposit a log stands for, if it is one of ours; other logs (and unknown assets) give none. */
  public static Optional<ChainDeposit> decode(ChainLog log, ContractAddresses contracts, long blockTime) {
    if (log.topics().isEmpty()) return Optional.empty();
    String topic = log.topics().get(0);
    String emitter = log.address().toLowerCase();
    if (emitter.equals(contracts.vault()) && topic.equals(DEPOSITED) && log.topics().size() == 3) {
      Optional<Asset> asset = asset(address(log.topics().get(2)), contracts);
      BigInteger amount = uint(values(log, CustodyVault.DEPOSITED_EVENT).get(0));
      return asset.map(a -> deposit(log, ChainDeposit.Kind.DEPOSIT, address(log.topics().get(1)), new Amount(a, amount), null, blockTime));
    }
    if (emitter.equals(contracts.vault()) && topic.equals(PROFIT_DEPOSITED) && log.topics().size() == 3) {
      Optional<Asset> asset = asset(address(log.topics().get(2)), contracts);
      List<Type> values = values(log, CustodyVault.PROFITDEPOSITED_EVENT);
      String projectId = (String) values.get(1).getValue();
      return asset.map(a -> deposit(log, ChainDeposit.Kind.PROFIT_DEPOSIT, address(log.topics().get(1)),
          new Amount(a, uint(values.get(0))), projectId, blockTime));
    }
    return Optional.empty();
  }

  /**
   * The fact a log of a followed micro-pool contract reports to its pool ({@code Staked},
   * {@code Unstaked}, {@code Activated}), dated by its block's time; other logs give none.
   *
   * @param pools followed contract address → market pool id
   */
  public static Optional<MicroPoolLog> decodePoolLog(ChainLog log, Map<String, String> pools, long blockTime) {
    String poolId = pools.get(log.address().toLowerCase());
    if (poolId == null || log.topics().isEmpty()) return Optional.empty();
    String topic = log.topics().get(0);
    ChainPoolFact fact = null;
    if (topic.equals(STAKED) && log.topics().size() == 2) {
      List<Type> v = values(log, MicroPool.STAKED_EVENT);
      fact = new ChainPoolFact(log.depositId(), ChainPoolFact.Kind.STAKED, address(log.topics().get(1)), uint(v.get(0)), uint(v.get(1)),
          blockTime);
    } else if (topic.equals(UNSTAKED) && log.topics().size() == 2) {
      fact = new ChainPoolFact(log.depositId(), ChainPoolFact.Kind.UNSTAKED, address(log.topics().get(1)),
          uint(values(log, MicroPool.UNSTAKED_EVENT).get(0)), null, blockTime);
    } else if (topic.equals(ACTIVATED) && log.topics().size() == 1) {
      fact = new ChainPoolFact(log.depositId(), ChainPoolFact.Kind.ACTIVATED, null, uint(values(log, MicroPool.ACTIVATED_EVENT).get(0)),
          null, blockTime);
    }
    return Optional.ofNullable(fact).map(f -> new MicroPoolLog(poolId, log.address().toLowerCase(), f, log.blockNumber(),
        log.blockHash(), log.transactionHash().toLowerCase(), log.logIndex()));
  }

  /** The vault withdrawal a log reports as paid, if it is a {@code Withdrawn} of our vault. */
  public static Optional<ChainWithdrawal> decodeWithdrawal(ChainLog log, ContractAddresses contracts) {
    if (log.topics().size() != 3 || !log.topics().get(0).equals(WITHDRAWN) || !log.address().toLowerCase().equals(contracts.vault()))
      return Optional.empty();
    // Withdrawn(address indexed account, address indexed asset, uint256 amount, address to, uint256 nonce)
    BigInteger nonce = uint(values(log, CustodyVault.WITHDRAWN_EVENT).get(2));
    if (nonce.bitLength() > 63) return Optional.empty(); // not a nonce the market gave
    return Optional.of(new ChainWithdrawal(address(log.topics().get(1)), nonce.longValueExact(), log.blockNumber(),
        log.transactionHash().toLowerCase(), log.logIndex()));
  }

  private static ChainDeposit deposit(ChainLog log, ChainDeposit.Kind kind, String account, Amount amount, String projectId,
      long blockTime) {
    return new ChainDeposit(log.depositId(), kind, account, amount, projectId, log.blockNumber(), log.blockHash(),
        log.transactionHash().toLowerCase(), log.logIndex(), blockTime);
  }

  private static Optional<Asset> asset(String address, ContractAddresses contracts) {
    if (address.equals(ETH)) return Optional.of(Asset.ETH);
    if (address.equals(contracts.token())) return Optional.of(Asset.BHKR);
    return Optional.empty();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> values(ChainLog log, Event event) {
    return FunctionReturnDecoder.decode(log.data(), (List) event.getNonIndexedParameters());
  }

  private static BigInteger uint(Type<?> value) {
    return (BigInteger) value.getValue();
  }

  private static String address(String topic) {
    return ((Address) FunctionReturnDecoder.decodeIndexedValue(topic, TypeReference.create(Address.class))).getValue().toLowerCase();
  }
}
