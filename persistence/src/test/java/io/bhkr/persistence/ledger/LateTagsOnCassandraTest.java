package io.bhkr.persistence.ledger;

import static io.bhkr.persistence.entities.LocalMarket.bhkr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.stream.alpakka.cassandra.javadsl.CassandraSession;
import akka.stream.alpakka.cassandra.javadsl.CassandraSessionRegistry;
import com.datastax.oss.driver.api.core.cql.Row;
import io.bhkr.account.AccountEntity;
import io.bhkr.money.Asset;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.entities.LocalMarket;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.transfer.Party;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed between writing an event and writing its tag row (akka-persistence-cassandra
 * writes the tag row second): the row appears only when the entity recovers elsewhere, with the
 * event's original time, behind what the ledger projection has read. The projection, started again
 * on another node, must still fold that event, and fold nothing twice.
 */
class LateTagsOnCassandraTest {

  private static final String ALICE = "0x" + "a".repeat(40);
  private static final String CAROL = "0x" + "c".repeat(40);

  /** The last offset node 2's projection stored: the time id of Alice's second deposit. */
  private String end;

  @Test
  void anEventWhoseTagRowIsWrittenLateBehindTheOffsetIsFoldedOnce(@TempDir Path dir) throws Exception {
    try (TestJournal journal = TestJournal.create(JournalProfile.CASSANDRA, dir)) {
      String keyspace = journal.config().getString("akka.persistence.cassandra.journal.keyspace");
      // Node 1: Alice and Carol deposit; Carol's tag row is then lost, as when the node dies between the two writes.
      try (LocalMarket node = new LocalMarket("late-tags-1", journal.config())) {
        node.<Done>ask(account(node, ALICE), r -> new AccountEntity.Deposit("alice-1", bhkr(100), r));
        node.<Done>ask(account(node, CAROL), r -> new AccountEntity.Deposit("carol-1", bhkr(5), r));
        CassandraSession cql = CassandraSessionRegistry.get(node.kit.system()).sessionFor("akka.persistence.cassandra");
        int lostLedgerRows = 0;
        for (Row row : cql.selectAll("SELECT tag_name, timebucket, timestamp, persistence_id, tag_pid_sequence_nr FROM "
            + keyspace + ".tag_views").toCompletableFuture().get()) {
          if (!row.getString("persistence_id").equals("Account|" + CAROL)) continue;
          cql.executeWrite("DELETE FROM " + keyspace + ".tag_views WHERE tag_name = ? AND timebucket = ? AND timestamp = ?"
                  + " AND persistence_id = ? AND tag_pid_sequence_nr = ?", row.getString(0), row.getLong(1), row.getUuid(2),
              row.getString(3), row.getLong(4)).toCompletableFuture().get();
          if (row.getString(0).equals("ledger")) lostLedgerRows++;
        }
        assertEquals(1, lostLedgerRows, "Carol's deposit had one ledger tag row (and one of its entity type)");
        cql.executeWrite("DELETE FROM " + keyspace + ".tag_write_progress WHERE persistence_id = ?", "Account|" + CAROL)
            .toCompletableFuture().get();
        cql.executeWrite("DELETE FROM " + keyspace + ".tag_scanning WHERE persistence_id = ?", "Account|" + CAROL)
            .toCompletableFuture().get();
      }
      // Node 2: the projection reads past Carol's deposit (it cannot see it) to Alice's second one.
      try (LocalMarket node = new LocalMarket("late-tags-2", journal.config())) {
        node.kit.spawn(LedgerProjection.behavior(node.kit.system()), "ledger-projection");
        node.<Done>ask(account(node, ALICE), r -> new AccountEntity.Deposit("alice-2", bhkr(7), r));
        ConservationReport r = LedgerProjectionTest.reportWhen(node, "Alice's two deposits", x -> deposited(x).equals(bhkr(107).amount()));
        assertEquals(2, r.events());
        end = storedOffset(node);
      }
      // Node 3: Carol's entity recovers, which writes her tag row with its original time; then the projection starts.
      try (LocalMarket node = new LocalMarket("late-tags-3", journal.config())) {
        AccountEntity.AccountView carol = node.ask(account(node, CAROL), AccountEntity.Get::new);
        assertEquals(bhkr(5), carol.balances().of(Asset.BHKR));
        node.kit.spawn(LedgerProjection.behavior(node.kit.system()), "ledger-projection");
        ConservationReport r = LedgerProjectionTest.reportWhen(node, "Carol's deposit too", x -> deposited(x).equals(bhkr(112).amount()));
        assertEquals(3, r.events(), "each deposit folded once: " + r);
        assertTrue(r.ok(), r::toString);
        // Carol's deposit is older than Alice's second: once the offset is back at the end, the
        // window has been read through, and anything folded twice would show.
        String readTo = end;
        node.await("the window read to its end", () -> readTo.equals(storedOffset(node)));
        ConservationReport later = LedgerDatabase.get(node.kit.system()).report(10);
        assertEquals(bhkr(112).amount(), deposited(later));
        assertEquals(3, later.events());
      }
    }
  }

  private static ActorRef<AccountEntity.Command> account(LocalMarket node, String address) {
    return node.entity(Party.account(address), AccountEntity.create(address, node.route, LocalMarket.REDELIVERY));
  }

  /** The ledger projection's offset as akka-projection-jdbc stored it. */
  private static String storedOffset(LocalMarket node) {
    LedgerDatabase database = LedgerDatabase.get(node.kit.system());
    try {
      java.sql.Connection c = database.acquire();
      try (java.sql.PreparedStatement st = c.prepareStatement(
              "SELECT current_offset FROM akka_projection_offset_store WHERE projection_name = 'ledger'");
           java.sql.ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      } finally {
        c.rollback();
        database.release(c);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger deposited(ConservationReport r) {
    ConservationReport.AssetReport bhkr = r.assets().get(Asset.BHKR);
    return bhkr == null ? BigInteger.ZERO : bhkr.totals().deposited();
  }
}
