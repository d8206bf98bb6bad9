package io.bhkr.persistence.journal;

import akka.actor.typed.javadsl.Adapter;
import akka.dispatch.MessageDispatcher;
import akka.persistence.jdbc.config.EventJournalTableColumnNames;
import akka.persistence.jdbc.config.EventJournalTableConfiguration;
import akka.persistence.jdbc.config.EventTagTableConfiguration;
import akka.persistence.jdbc.config.JournalConfig;
import akka.persistence.jdbc.journal.dao.DefaultJournalDao;
import akka.persistence.jdbc.journal.dao.JournalTables.JournalAkkaSerializationRow;
import akka.serialization.Serialization;
import akka.stream.Materializer;
import io.bhkr.persistence.metrics.NodeMetrics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * akka-persistence-jdbc 5.1.0's journal DAO with its write path replaced: 5.1.0 inserts a batch
 * of tagged events one row at a time (its issue #585), about two round trips per event inside one
 * open transaction; here a batch is one JDBC batch of event_journal rows, returning their
 * {@code ordering}, then one JDBC batch of event_tag rows, in one transaction. Rows, columns and
 * values are those the library writes (same sort by sequence number, same tag rows), so journals
 * written by either DAO read back alike; reads, deletes and highest sequence numbers are the
 * library's. The same path serves H2, whose driver also returns the keys of a batch.
 *
 * <p>Blocking JDBC runs on {@code jdbc-journal.write-dispatcher}, on connections of the shared
 * Slick pool, so the pool stays the one size configured.
 */
public final class BatchedJournalDao extends DefaultJournalDao {

  /** Dispatcher for the blocking batch writes, configured in persistence.conf. */
  static final String DISPATCHER = "jdbc-journal.write-dispatcher";
  /** Events per committed write transaction: how much the journal's batching gathers under load. */
  public static final String BATCH_EVENTS = "bhkr.journal.batch.events";
  /** Time of one write transaction, from its hand-over to a write thread to the commit's answer. */
  public static final String BATCH_DURATION = "bhkr.journal.batch.duration";
  /** The part of it spent waiting for a write thread and a connection of the shared pool. */
  public static final String CONNECTION_WAIT = "bhkr.journal.connection.wait";

  private final JdbcBackend.DatabaseDef database;
  private final MessageDispatcher writes;
  private final String journalInsert;
  private final String orderingColumn;
  private final String tagInsert;
  private final DistributionSummary batchEvents;
  private final Timer batchDuration;
  private final Timer connectionWait;

  public BatchedJournalDao(JdbcBackend.DatabaseDef db, JdbcProfile profile, JournalConfig journalConfig,
      Serialization serialization, ExecutionContext ec, Materializer mat) {
    super(db, profile, journalConfig, serialization, ec, mat);
    this.database = db;
    this.writes = mat.system().dispatchers().lookup(DISPATCHER);
    MeterRegistry registry = NodeMetrics.get(Adapter.toTyped(mat.system())).registry();
    this.batchEvents = DistributionSummary.builder(BATCH_EVENTS).description("events per committed journal write transaction")
        .register(registry);
    this.batchDuration = Timer.builder(BATCH_DURATION)
        .description("one journal write transaction, from its hand-over to a write thread to the commit's answer").register(registry);
    this.connectionWait = Timer.builder(CONNECTION_WAIT)
        .description("a journal write's wait for a write thread and a pooled connection").register(registry);
    EventJournalTableConfiguration journal = journalConfig.eventJournalTableConfiguration();
    EventJournalTableColumnNames c = journal.columnNames();
    this.orderingColumn = c.ordering();
    // the columns Slick's insert of a JournalAkkaSerializationRow names: all but the generated ordering
    this.journalInsert = insert(table(journal.schemaName(), journal.tableName()), List.of(c.deleted(), c.persistenceId(),
        c.sequenceNumber(), c.writer(), c.writeTimestamp(), c.adapterManifest(), c.eventPayload(), c.eventSerId(),
        c.eventSerManifest(), c.metaPayload(), c.metaSerId(), c.metaSerManifest()));
    EventTagTableConfiguration tags = journalConfig.eventTagTableConfiguration();
    this.tagInsert = insert(table(tags.schemaName(), tags.tableName()), List.of(tags.columnNames().eventId(), tags.columnNames().tag()));
  }

  @Override
  public Future<BoxedUnit> writeJournalRows(Seq<Tuple2<JournalAkkaSerializationRow, Set<String>>> xs) {
    List<Tuple2<JournalAkkaSerializationRow, Set<String>>> rows = new ArrayList<>(CollectionConverters.asJava(xs));
    // as the library: orderings are handed out in sequence-number order within a batch
    rows.sort(Comparator.comparingLong(r -> r._1().sequenceNumber()));
    long handedOver = System.nanoTime();
    CompletableFuture<BoxedUnit> written = CompletableFuture.supplyAsync(() -> {
      try {
        write(rows, handedOver);
        return BoxedUnit.UNIT;
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, writes);
    // unwrap, so the journal reports the SQLException as the library's path would
    return FutureConverters.asScala(written.exceptionallyCompose(e ->
        CompletableFuture.failedFuture(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e)));
  }

  private void write(List<Tuple2<JournalAkkaSerializationRow, Set<String>>> rows, long asked) throws SQLException {
    try (Connection connection = database.source().createConnection()) {
      connectionWait.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
      connection.setAutoCommit(false);
      try {
        long[] orderings = insertEvents(connection, rows);
        insertTags(connection, rows, orderings);
        connection.commit();
        batchEvents.record(rows.size());
        batchDuration.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS);
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    }
  }

  private long[] insertEvents(Connection connection, List<Tuple2<JournalAkkaSerializationRow, Set<String>>> rows)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(journalInsert, new String[] {orderingColumn})) {
      for (Tuple2<JournalAkkaSerializationRow, Set<String>> row : rows) {
        bind(insert, row._1());
        insert.addBatch();
      }
      insert.executeBatch();
      long[] orderings = new long[rows.size()];
      int i = 0;
      try (ResultSet keys = insert.getGeneratedKeys()) {
        while (keys.next() && i < orderings.length) orderings[i++] = keys.getLong(1);
      }
      if (i != orderings.length)
        throw new SQLException("the database returned " + i + " orderings for " + orderings.length + " events");
      return orderings;
    }
  }

  private void insertTags(Connection connection, List<Tuple2<JournalAkkaSerializationRow, Set<String>>> rows,
      long[] orderings) throws SQLException {
    int count = 0;
    try (PreparedStatement insert = connection.prepareStatement(tagInsert)) {
      for (int i = 0; i < rows.size(); i++) {
        for (String tag : CollectionConverters.asJava(rows.get(i)._2())) {
          insert.setLong(1, orderings[i]);
          insert.setString(2, tag);
          insert.addBatch();
          count++;
        }
      }
      if (count > 0) insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement s, JournalAkkaSerializationRow row) throws SQLException {
    s.setBoolean(1, row.deleted());
    s.setString(2, row.persistenceId());
    s.setLong(3, row.sequenceNumber());
    s.setString(4, row.writer());
    s.setLong(5, row.writeTimestamp());
    s.setString(6, row.adapterManifest());
    s.setBytes(7, row.eventPayload());
    s.setInt(8, row.eventSerId());
    s.setString(9, row.eventSerManifest());
    Option<byte[]> metaPayload = row.metaPayload();
    if (metaPayload.isDefined()) s.setBytes(10, metaPayload.get());
    else s.setNull(10, Types.BINARY);
    Option<Object> metaSerId = row.metaSerId();
    if (metaSerId.isDefined()) s.setInt(11, (Integer) metaSerId.get());
    else s.setNull(11, Types.INTEGER);
    Option<String> metaSerManifest = row.metaSerManifest();
    if (metaSerManifest.isDefined()) s.setString(12, metaSerManifest.get());
    else s.setNull(12, Types.VARCHAR);
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Quoted as Slick quotes them, which H2's lower-case table names need. */
  private static String table(Option<String> schema, String name) {
    return (schema.isDefined() ? quote(schema.get()) + "." : "") + quote(name);
  }

  private static String insert(String table, List<String> columns) {
    return "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(BatchedJournalDao::quote).toList())
        + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
