package io.bhkr.chain;

import io.bhkr.bytes.Hex;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** The outbound transactions the market sends, as calls of the registry, the settlement anchor, the vault and the micro-pools. Pure. */
public final class ChainCalls {

  /** Registry.FailureKind, in the contract's order. */
  public enum FailureKind { SERVICE_FAILURE, SLASHING }

  private ChainCalls() {}

  public static ChainTransaction setQualified(String id, ContractAddresses c, String provider, boolean qualified) {
    return call(id, ChainTransaction.Purpose.QUALIFICATION, c.registry(), "setQualified", new Address(provider), new Bool(qualified));
  }

  public static ChainTransaction setGovernor(String id, ContractAddresses c, String governor, boolean seated) {
    return call(id, ChainTransaction.Purpose.GOVERNOR, c.registry(), "setGovernor", new Address(governor), new Bool(seated));
  }

  public static ChainTransaction setParametersHash(String id, ContractAddresses c, byte[] hash) {
    return call(id, ChainTransaction.Purpose.PARAMETERS_HASH, c.registry(), "setParametersHash", new Bytes32(hash));
  }

  public static ChainTransaction recordFailure(String id, ContractAddresses c, String provider, FailureKind kind,
      String projectId, BigInteger amount, byte[] evidenceHash) {
    return call(id, ChainTransaction.Purpose.FAILURE_RECORD, c.registry(), "recordFailure", new Address(provider),
        new Uint8(kind.ordinal()), new Utf8String(projectId), new Uint256(amount), new Bytes32(evidenceHash));
  }

  public static ChainTransaction anchorRoot(String id, ContractAddresses c, SettlementEpoch epoch) {
    return call(id, ChainTransaction.Purpose.SETTLEMENT_ROOT, c.anchor(), "anchor", new Uint64(epoch.epoch()),
        new Bytes32(epoch.root()), new Uint256(epoch.total()));
  }

  /** The vault moves the anchored total of {@code epoch} to the anchor (once; see CustodyVault.fundEpoch). */
  public static ChainTransaction fundEpoch(String id, ContractAddresses c, long epoch) {
    return call(id, ChainTransaction.Purpose.SETTLEMENT_FUNDING, c.vault(), "fundEpoch", new Uint64(epoch));
  }

  /** The platform opens a micro-pool contract for stakes, once the bridge follows its logs. */
  public static ChainTransaction openMicroPool(String id, String pool) {
    return call(id, ChainTransaction.Purpose.MICRO_POOL_OPENING, pool, "open");
  }

  @SuppressWarnings("rawtypes")
  private static ChainTransaction call(String id, ChainTransaction.Purpose purpose, String to, String function, Type... args) {
    String data = FunctionEncoder.encode(new Function(function, List.<Type>of(args), List.of()));
    return new ChainTransaction(id, purpose, to, data.startsWith("0x") ? data : Hex.encode(Hex.decode(data)));
  }
}
