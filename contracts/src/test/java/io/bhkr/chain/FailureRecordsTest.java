package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.pool.CompensationPaid;
import io.bhkr.project.ProjectFailed;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FailureRecordsTest {

  private static final ContractAddresses CONTRACTS = new ContractAddresses(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3",
      "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
      "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9");
  private static final String PROVIDER = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
  private static final ProjectFailed FAILED = new ProjectFailed(100, "node down", 0, BigInteger.valueOf(210_410),
      BigInteger.ONE, BigInteger.ONE, Amount.of(Asset.BHKR, 210_410));

  private static CompensationPaid paid(String trigger, String slashed) {
    TreeMap<String, BigInteger> paid = new TreeMap<>();
    paid.put(PROVIDER, BigInteger.valueOf(30));
    TreeMap<String, BigInteger> owed = new TreeMap<>();
    owed.put(PROVIDER, BigInteger.valueOf(10));
    return new CompensationPaid("slash-1", Asset.ETH, BigInteger.valueOf(30), paid, owed, trigger, 100, slashed);
  }

  @Test
  void aProjectFailureIsOneRegistryCallWhoseIdIsTheProject() {
    ChainTransaction tx = FailureRecords.projectFailed(CONTRACTS, "Project|p-1", 7, "p-1", PROVIDER, FAILED);
    assertEquals("failure:project:p-1", tx.id());
    assertEquals(ChainTransaction.Purpose.FAILURE_RECORD, tx.purpose());
    assertEquals(CONTRACTS.registry(), tx.to());
    assertEquals(tx, FailureRecords.projectFailed(CONTRACTS, "Project|p-1", 7, "p-1", PROVIDER, FAILED), "read twice, sent once");
    assertTrue(tx.data().contains(PROVIDER.substring(2)));
  }

  @Test
  void aSlashingIsRecordedWhenTheClaimIsFirstPaidNotWhenItsShortfallIsPaidLater() {
    ChainTransaction tx = FailureRecords.slashing(CONTRACTS, "Pool|insurance", 3, paid(null, PROVIDER)).orElseThrow();
    assertEquals("failure:slashing:slash-1", tx.id());
    assertTrue(tx.data().contains(PROVIDER.substring(2)));
    assertTrue(tx.data().contains(String.format("%064x", 40)), "the whole loss, paid and owed");
    assertTrue(FailureRecords.slashing(CONTRACTS, "Pool|insurance", 9, paid("inflow-1", null)).isEmpty());
    assertTrue(FailureRecords.slashing(CONTRACTS, "Pool|insurance", 3, paid(null, null)).orElseThrow().data()
        .contains("0".repeat(64)), "an unnamed provider is the zero address");
  }

  @Test
  void theEvidenceHashIsOfTheJournalEntryItself() {
    byte[] h = FailureRecords.evidenceHash("Project|p-1", 7, FAILED);
    assertEquals(32, h.length);
    assertTrue(Arrays.equals(h, FailureRecords.evidenceHash("Project|p-1", 7, FAILED)));
    assertFalse(Arrays.equals(h, FailureRecords.evidenceHash("Project|p-1", 8, FAILED)));
    assertFalse(Arrays.equals(h, FailureRecords.evidenceHash("Project|p-2", 7, FAILED)));
  }
}
