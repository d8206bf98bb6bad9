package io.bhkr.node;

import io.bhkr.persistence.CassandraSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@code --cassandra-…} options of {@code run}, collected while RunCommand reads its command
 * line: a mutable builder of {@link CassandraSettings}, kept apart so the other options stay as
 * they are.
 */
final class CassandraOptions {

  static final Set<String> WITH_VALUE = Set.of("--cassandra-contact-points", "--cassandra-datacenter", "--cassandra-keyspace",
      "--cassandra-snapshot-keyspace", "--cassandra-replication-factor", "--cassandra-first-time-bucket");
  static final String CREATE_TABLES = "--cassandra-create-tables";

  private List<String> contactPoints = CassandraSettings.DEFAULT_CONTACT_POINTS;
  private String datacenter = CassandraSettings.DEFAULT_DATACENTER;
  private String keyspace = CassandraSettings.DEFAULT_KEYSPACE;
  private String snapshotKeyspace = CassandraSettings.DEFAULT_SNAPSHOT_KEYSPACE;
  private int replicationFactor = 1;
  private boolean createTables;
  private String firstTimeBucket = CassandraSettings.DEFAULT_FIRST_TIME_BUCKET;
  private boolean given;

  static boolean takesValue(String name) {
    return WITH_VALUE.contains(name);
  }

  /** Takes the option if it is one of ours; false if it is not. */
  boolean accept(CommandArguments.Option o) {
    switch (o.name()) {
      case "--cassandra-contact-points" -> contactPoints = Arrays.stream(o.value().split(",")).map(String::strip)
          .filter(s -> !s.isEmpty()).toList();
      case "--cassandra-datacenter" -> datacenter = o.value();
      case "--cassandra-keyspace" -> keyspace = o.value();
      case "--cassandra-snapshot-keyspace" -> snapshotKeyspace = o.value();
      case "--cassandra-replication-factor" -> replicationFactor = positive(o);
      case "--cassandra-first-time-bucket" -> firstTimeBucket = o.value();
      case CREATE_TABLES -> createTables = true;
      default -> {
        return false;
      }
    }
    given = true;
    return true;
  }

  /** Whether any --cassandra-… option was given (they need --profile cassandra). */
  boolean given() {
    return given;
  }

  CassandraSettings settings() {
    try {
      return new CassandraSettings(contactPoints, datacenter, keyspace, snapshotKeyspace, replicationFactor, createTables, firstTimeBucket);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
  }

  private static int positive(CommandArguments.Option o) {
    try {
      int n = Integer.parseInt(o.value());
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // same message as a number below 1
    }
    throw new UsageError(o.name() + " must be a whole number of at least 1, not '" + o.value() + "'");
  }
}
