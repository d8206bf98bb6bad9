package io.bhkr.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.ledger.MarketScript.Move;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.transfer.ValueChange;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The read tables hold the same fold as the in-memory reference, on each database: a long random
 * market with a few planted anomalies, folded in groups of random size with one transaction per
 * group as the projection commits them, gives the same report from SQL as from {@link Ledger}, to
 * the base unit.
 */
class LedgerTablesTest {

  @ParameterizedTest
  // the cassandra profile keeps these tables in PostgreSQL, as the postgres profile does
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void theTablesFoldExactlyAsTheReference(JournalProfile profile, @TempDir Path dir) throws Exception {
    long seed = new Random().nextLong();
    System.out.println("LedgerTablesTest seed " + seed);
    Random random = new Random(seed);
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < 400; i++)
      moves.add(new Move(random.nextInt(7), random.nextInt(20), random.nextInt(20), random.nextInt(3), random.nextLong() >>> 1));
    List<LedgerEntry> journal = new ArrayList<>(MarketScript.play(moves).entries);
    long last = journal.get(journal.size() - 1).offset();
    // amounts beyond a long, a credit from nowhere and a second credit
    BigInteger huge = BigInteger.TWO.pow(200).add(BigInteger.ONE);
    journal.add(new LedgerEntry(last + 1, "Account|0xa", List.of(new ValueChange(ValueChange.Kind.DEPOSITED, "big", new Amount(Asset.ETH, huge)))));
    journal.add(new LedgerEntry(last + 2, "Account|0xa", List.of(new ValueChange(ValueChange.Kind.RECEIVED, "nowhere", Amount.of(Asset.BHKR, 3)))));
    journal.add(new LedgerEntry(last + 3, "Account|0xb", List.of(new ValueChange(ValueChange.Kind.RECEIVED, "nowhere", Amount.of(Asset.BHKR, 3)))));

    try (TestJournal db = TestJournal.create(profile, dir)) {
      LedgerDatabase database = LedgerDatabase.of(db.config());
      try {
        // groups of 1 to 60 events, one transaction each, as the grouped projection commits them
        for (int from = 0; from < journal.size(); ) {
          int to = Math.min(journal.size(), from + 1 + random.nextInt(60));
          Connection c = database.acquire();
          try {
            LedgerTables.applyAll(c, journal.subList(from, to));
            c.commit();
          } finally {
            database.release(c);
          }
          from = to;
        }
        ConservationReport expected = Ledger.of(journal).report(5);
        ConservationReport actual = database.report(5);
        assertEquals(expected, actual, "seed " + seed);
        assertFalse(actual.ok());
        assertEquals(1, actual.transfers().receivedTwice());
        assertEquals(1, actual.transfers().receivedUnsent());
        assertEquals(journal.size(), actual.events());
        assertEquals(last + 3, actual.projectedUpTo());
        assertTrue(actual.assets().get(Asset.ETH).totals().deposited().compareTo(huge) >= 0, "digits beyond a long survive");

        database.startOver();
        assertEquals(Ledger.empty().report(5), database.report(5), "starting over empties the read side");
      } finally {
        database.close();
      }
    }
  }

  @ParameterizedTest
  // the cassandra profile keeps these tables in PostgreSQL, as the postgres profile does
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void anEmptyLedgerReportsZeroAndOk(JournalProfile profile, @TempDir Path dir) throws Exception {
    try (TestJournal db = TestJournal.create(profile, dir)) {
      LedgerDatabase database = LedgerDatabase.of(db.config());
      try {
        ConservationReport r = database.report(5);
        assertEquals(Ledger.empty().report(5), r);
        assertEquals(0, r.projectedUpTo());
      } finally {
        database.close();
      }
    }
  }
}
