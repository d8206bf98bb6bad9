package io.bhkr.persistence;

import java.util.List;
import java.util.Objects;

/**
 * Where the {@link JournalProfile#CASSANDRA} journal lives: the cluster's contact points, the data
 * centre the driver treats as local, the keyspaces of events and snapshots and their replication
 * factor, and whether this node creates keyspaces and tables that are missing.
 *
 * @param contactPoints "host:port" of one or more Cassandra nodes (the driver finds the rest)
 * @param createTables  create missing keyspaces and tables at start (a new cluster's first node);
 *                      off, a node expects them to exist, as a production schema managed by an operator
 * @param firstTimeBucket the hour (UTC, yyyyMMdd'T'HH:mm) before the journal's first event: a tag
 *                      query from the start reads every hourly bucket from here on, and never sees
 *                      an event written before it
 */
public record CassandraSettings(
    List<String> contactPoints, String localDatacenter, String keyspace, String snapshotKeyspace, int replicationFactor,
    boolean createTables, String firstTimeBucket) {

  /** A local single node ({@code scripts/cassandra start}); SimpleSnitch names its data centre "datacenter1". */
  public static final List<String> DEFAULT_CONTACT_POINTS = List.of("127.0.0.1:9042");
  public static final String DEFAULT_DATACENTER = "datacenter1";
  public static final String DEFAULT_KEYSPACE = "bhkr";
  public static final String DEFAULT_SNAPSHOT_KEYSPACE = "bhkr_snapshot";
  /** Before any BHKR journal on Cassandra existed (the profile appeared in December 2026). */
  public static final String DEFAULT_FIRST_TIME_BUCKET = "20261201T00:00";
  private static final String TIME_BUCKET = "20\\d\\d[01]\\d[0-3]\\dT[0-2]\\d:00";

  /** Cassandra's own rule for unquoted keyspace names (akka-persistence-cassandra checks it too). */
  private static final String KEYSPACE_NAME = "[a-zA-Z0-9][a-zA-Z0-9_]{0,47}";
  private static final String CONTACT_POINT = "[^\\s:,\"\\[\\]]+:\\d{1,5}";

  public CassandraSettings {
    Objects.requireNonNull(localDatacenter, "localDatacenter");
    contactPoints = List.copyOf(contactPoints);
    if (contactPoints.isEmpty()) throw new IllegalArgumentException("Cassandra needs at least one contact point (host:port)");
    for (String p : contactPoints)
      if (!p.matches(CONTACT_POINT)) throw new IllegalArgumentException("Cassandra contact point must be host:port but was '" + p + "'");
    for (String k : List.of(keyspace, snapshotKeyspace))
      if (!k.matches(KEYSPACE_NAME)) throw new IllegalArgumentException("not a Cassandra keyspace name (letters, digits, _; at most 48): '" + k + "'");
    if (keyspace.equalsIgnoreCase(snapshotKeyspace)) throw new IllegalArgumentException("events and snapshots need keyspaces of their own");
    if (localDatacenter.isBlank()) throw new IllegalArgumentException("the local data centre must not be empty");
    if (replicationFactor < 1) throw new IllegalArgumentException("replication factor must be at least 1 but was " + replicationFactor);
    if (!firstTimeBucket.matches(TIME_BUCKET))
      throw new IllegalArgumentException("first time bucket must be an hour as yyyyMMddTHH:00 (UTC) but was '" + firstTimeBucket + "'");
  }

  public static CassandraSettings defaults() {
    return new CassandraSettings(DEFAULT_CONTACT_POINTS, DEFAULT_DATACENTER, DEFAULT_KEYSPACE, DEFAULT_SNAPSHOT_KEYSPACE, 1, false,
        DEFAULT_FIRST_TIME_BUCKET);
  }

  public CassandraSettings withKeyspaces(String events, String snapshots) {
    return new CassandraSettings(contactPoints, localDatacenter, events, snapshots, replicationFactor, createTables, firstTimeBucket);
  }

  public CassandraSettings withContactPoints(List<String> points) {
    return new CassandraSettings(points, localDatacenter, keyspace, snapshotKeyspace, replicationFactor, createTables, firstTimeBucket);
  }

  public CassandraSettings withFirstTimeBucket(String bucket) {
    return new CassandraSettings(contactPoints, localDatacenter, keyspace, snapshotKeyspace, replicationFactor, createTables, bucket);
  }

  public CassandraSettings withCreateTables(boolean create) {
    return new CassandraSettings(contactPoints, localDatacenter, keyspace, snapshotKeyspace, replicationFactor, create, firstTimeBucket);
  }
}
