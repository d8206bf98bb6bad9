package io.bhkr.persistence;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.cassandra.KeyspaceAndTableStatements;
import akka.persistence.cassandra.PluginSettings;
import akka.stream.alpakka.cassandra.CassandraSessionSettings;
import akka.stream.alpakka.cassandra.javadsl.CassandraSession;
import akka.stream.alpakka.cassandra.javadsl.CassandraSessionRegistry;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the keyspaces and tables of akka-persistence-cassandra (events, tag views and their
 * progress, metadata, persistence ids, snapshots) if they are missing, with the plugin's own DDL
 * ({@link KeyspaceAndTableStatements}: every statement is IF NOT EXISTS) and the replication factor
 * of the settings. Runs before the node's actor system, in a short-lived local one, so no
 * entity or projection ever meets a missing table. Only when asked (--cassandra-create-tables):
 * concurrent schema changes from several nodes can leave Cassandra's nodes disagreeing, so in a
 * cluster one node (or the operator, with cqlsh) creates the schema.
 */
public final class CassandraSchema {

  private static final Logger log = LoggerFactory.getLogger(CassandraSchema.class);
  private static final String PLUGIN = "akka.persistence.cassandra";
  private static final long STATEMENT_SECONDS = 60;

  private CassandraSchema() {}

  /** Blocking; throws {@link IllegalStateException} saying what could not be created. */
  public static void ensure(JournalSettings settings) {
    Config config = ConfigFactory.parseString("""
            akka.actor.provider = local
            akka.loglevel = WARNING
            akka.loggers = ["akka.event.slf4j.Slf4jLogger"]
            akka.logging-filter = "akka.event.slf4j.Slf4jLoggingFilter"
            # The driver otherwise refreshes its schema metadata after every statement, debounced
            # by a second; this session only runs DDL (each still waits for schema agreement).
            datastax-java-driver.advanced.metadata.schema.enabled = false
            """)
        .withFallback(JournalProfile.CASSANDRA.config(settings)).withFallback(ConfigFactory.defaultReference()).resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bhkr-cassandra-schema", config);
    try {
      KeyspaceAndTableStatements ddl = new KeyspaceAndTableStatements(system, PLUGIN, PluginSettings.apply(Adapter.toClassic(system)));
      List<String> statements = new ArrayList<>();
      statements.add(ddl.createJournalKeyspaceStatement());
      statements.addAll(ddl.getCreateJournalTablesStatements());
      statements.add(ddl.createSnapshotKeyspaceStatement());
      statements.addAll(ddl.getCreateSnapshotTablesStatements());
      CassandraSession session = CassandraSessionRegistry.get(system).sessionFor(CassandraSessionSettings.create(PLUGIN));
      long started = System.nanoTime();
      for (String cql : statements) {
        Done ignored = session.executeDDL(cql).toCompletableFuture().get(STATEMENT_SECONDS, TimeUnit.SECONDS);
      }
      CassandraSettings c = settings.cassandra();
      log.info("Cassandra schema at {}: keyspaces {} and {} (replication factor {}) with their tables are in place ({} statements, {} ms)",
          c.contactPoints(), c.keyspace(), c.snapshotKeyspace(), c.replicationFactor(), statements.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (Exception e) {
      throw new IllegalStateException("could not create the Cassandra keyspaces and tables at " + settings.cassandra().contactPoints()
          + ": " + e.getMessage(), e);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }
}
