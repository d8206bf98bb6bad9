package io.bhkr.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.CassandraSettings;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The options of {@code run}, typed and checked by picocli, in groups other commands share (demo
 * takes Node and Journal, replay Journal). A value is checked where it is converted
 * ({@link Converters}); what only options together can say (a PostgreSQL URL without a PostgreSQL
 * journal) is checked where they become settings, here, {@link ClusterOptions} and {@link ChainMode}.
 */
final class RunOptions {

  private RunOptions() {}

  /** Where the node listens. */
  static final class Node {
    @Option(names = "--http-port", paramLabel = "N", converter = Converters.Port.class,
        description = "HTTP API port (default 8080; 0 picks a free one)")
    int httpPort = NodeOptions.defaults().httpPort();
    @Option(names = "--http-host", paramLabel = "H", converter = Converters.NonBlank.class, description = "HTTP API address (default 127.0.0.1)")
    String httpHost = NodeOptions.defaults().httpHost();
    @Option(names = "--cluster-port", paramLabel = "N", converter = Converters.Port.class,
        description = "Akka cluster port (default 0: any free port, enough for one node; a seed node needs a fixed one)")
    int clusterPort = NodeOptions.defaults().clusterPort();
    @Option(names = "--cassandra-create-tables",
        description = "create missing keyspaces and tables at start (one node of a new cluster; --profile cassandra)")
    boolean cassandraCreateTables;
  }

  /** The node's settings from its options; the password, unless given, from {@code BHKR_POSTGRES_PASSWORD}. */
  static NodeOptions nodeOptions(Node node, Journal journal, String passwordFromEnvironment) {
    JournalSettings settings = journal.settings(node.cassandraCreateTables, passwordFromEnvironment);
    return new NodeOptions(node.httpHost, node.httpPort, node.clusterPort, journal.profile, settings);
  }

  /** The development genesis's timings: they take effect on a new journal only (governance changes parameters by vote). */
  static final class Genesis {
    @Option(names = "--bid-window", paramLabel = "SECONDS", converter = Converters.GenesisSeconds.class,
        description = "the development genesis's bid window (default 3; a new journal only)")
    Long bidWindow;
    @Option(names = "--audit-period", paramLabel = "SECONDS", converter = Converters.GenesisSeconds.class,
        description = "the development genesis's peer audit period (default 3600; a new journal only)")
    Long auditPeriod;

    /** The {@code bhkr.development-…} settings given; without them application.conf's stand. */
    Config config() {
      Map<String, Object> config = new HashMap<>();
      if (bidWindow != null) config.put("bhkr.development-bid-window-seconds", bidWindow);
      if (auditPeriod != null) config.put("bhkr.development-audit-period-seconds", auditPeriod);
      return ConfigFactory.parseMap(config, "the development genesis options");
    }
  }

  /** The journal profiles, for shell completion (the converter takes them in any case). */
  static final class Profiles implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(JournalProfile.values()).map(JournalProfile::id).iterator();
    }
  }

  /** Which journal: run's, demo's and replay's. */
  static final class Journal {
    @Option(names = "--profile", paramLabel = "P", converter = Converters.Profile.class, completionCandidates = Profiles.class,
        description = {"journal: embedded (H2 under --data-dir, default), postgres or cassandra",
        "(cassandra keeps its read side in the --postgres-url database, default jdbc:postgresql://127.0.0.1:5432/bhkr_cassandra)"})
    JournalProfile profile = JournalProfile.EMBEDDED;
    /** Null when not given: demo then takes a fresh folder of its own. */
    @Option(names = "--data-dir", paramLabel = "DIR", converter = Converters.PathName.class, description = "folder of the embedded journal (default ./data)")
    Path dataDir;
    @Option(names = "--postgres-url", paramLabel = "URL", converter = Converters.NonBlank.class,
        description = "default jdbc:postgresql://127.0.0.1:5432/bhkr?reWriteBatchedInserts=true")
    String postgresUrl;
    @Option(names = "--postgres-user", paramLabel = "U", converter = Converters.NonBlank.class, description = "default postgres")
    String postgresUser;
    @Option(names = "--postgres-password", paramLabel = "P",
        description = "default empty, or the environment variable BHKR_POSTGRES_PASSWORD")
    String postgresPassword;
    @Option(names = "--cassandra-contact-points", paramLabel = "H:P,…",
        description = "Cassandra nodes (default 127.0.0.1:9042; scripts/cassandra start)")
    String cassandraContactPoints;
    @Option(names = "--cassandra-keyspace", paramLabel = "K", description = "keyspace of the events (default bhkr)")
    String cassandraKeyspace;
    @Option(names = "--cassandra-snapshot-keyspace", paramLabel = "K", description = "keyspace of the snapshots (default bhkr_snapshot)")
    String cassandraSnapshotKeyspace;
    @Option(names = "--cassandra-datacenter", paramLabel = "DC", description = "the driver's local data centre (default datacenter1)")
    String cassandraDatacenter;
    @Option(names = "--cassandra-replication-factor", paramLabel = "N", converter = Converters.Positive.class,
        description = "of the keyspaces the node creates (default 1)")
    Integer cassandraReplicationFactor;
    @Option(names = "--cassandra-first-time-bucket", paramLabel = "yyyyMMddTHH:00",
        description = "the hour (UTC) before the journal's first event (default 20261201T00:00; tag queries never see events before it)")
    String cassandraFirstTimeBucket;

    /** The journal's settings; {@code createTables} is run's --cassandra-create-tables. */
    JournalSettings settings(boolean createTables, String passwordFromEnvironment) {
      // Silently ignoring them would leave someone believing their journal is in PostgreSQL.
      // (the cassandra profile keeps its read side in PostgreSQL, so it takes them too)
      if (Stream.of(postgresUrl, postgresUser, postgresPassword).anyMatch(v -> v != null) && profile == JournalProfile.EMBEDDED)
        throw new UsageError("--postgres-url/-user/-password need --profile postgres or cassandra");
      boolean cassandraGiven = createTables || Stream.of(cassandraContactPoints, cassandraKeyspace, cassandraSnapshotKeyspace,
          cassandraDatacenter, cassandraReplicationFactor, cassandraFirstTimeBucket).anyMatch(v -> v != null);
      if (cassandraGiven && profile != JournalProfile.CASSANDRA) throw new UsageError("--cassandra-… options need --profile cassandra");
      String url = postgresUrl != null ? postgresUrl
          : profile == JournalProfile.CASSANDRA ? JournalSettings.DEFAULT_CASSANDRA_READ_SIDE_URL : JournalSettings.DEFAULT_POSTGRES_URL;
      String password = postgresPassword != null ? postgresPassword
          : passwordFromEnvironment != null ? passwordFromEnvironment : JournalSettings.DEFAULT_POSTGRES_PASSWORD;
      try {
        return new JournalSettings(dataDir == null ? Path.of("data") : dataDir, url,
            postgresUser == null ? JournalSettings.DEFAULT_POSTGRES_USER : postgresUser, password).withCassandra(cassandra(createTables));
      } catch (IllegalArgumentException e) {
        throw new UsageError(e.getMessage());
      }
    }

    private CassandraSettings cassandra(boolean createTables) {
      List<String> contactPoints = cassandraContactPoints == null ? CassandraSettings.DEFAULT_CONTACT_POINTS
          : Arrays.stream(cassandraContactPoints.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      return new CassandraSettings(contactPoints, or(cassandraDatacenter, CassandraSettings.DEFAULT_DATACENTER),
          or(cassandraKeyspace, CassandraSettings.DEFAULT_KEYSPACE), or(cassandraSnapshotKeyspace, CassandraSettings.DEFAULT_SNAPSHOT_KEYSPACE),
          cassandraReplicationFactor == null ? 1 : cassandraReplicationFactor, createTables,
          or(cassandraFirstTimeBucket, CassandraSettings.DEFAULT_FIRST_TIME_BUCKET));
    }

    private static String or(String given, String otherwise) {
      return given == null ? otherwise : given;
    }
  }

  /** Joining a cluster (docs/operations.md). */
  static final class Cluster {
    @Option(names = "--cluster-host", paramLabel = "H", converter = Converters.Host.class,
        description = "the address other nodes reach this one at (default 127.0.0.1)")
    String clusterHost;
    @Option(names = "--seed-nodes", paramLabel = "H:P,H:P", converter = ClusterOptions.SeedNodes.class, description = {
        "join the cluster of these nodes (their host:cluster-port); without it the node forms a cluster of its own"})
    ClusterOptions.Seeds seedNodes;
    @picocli.CommandLine.Mixin
    Management management = new Management();

    Config config() {
      return ClusterOptions.config(clusterHost, seedNodes, management.managementPort);
    }
  }

  /** The operator endpoints (Akka Management), which status reads. */
  static final class Management {
    @Option(names = "--management-port", paramLabel = "N", converter = Converters.Port.class,
        description = "operator endpoints /ready, /alive, /cluster/members (default 8558)")
    Integer managementPort;
  }

  /** Chain mode; without --chain-rpc the node runs chain-less (docs/chain.md). */
  static final class Chain {
    @Option(names = "--chain-rpc", paramLabel = "URL", converter = Converters.NonBlank.class,
        description = "chain mode: the Ethereum node's JSON-RPC endpoint")
    String chainRpc;
    @Option(names = "--chain-contracts", paramLabel = "FILE", converter = Converters.PathName.class, description = "the addresses written by deploy")
    Path chainContracts;
    @Option(names = "--chain-confirmations", paramLabel = "N", description = "blocks a deposit waits for (default 12)")
    Integer chainConfirmations;
    @picocli.CommandLine.Mixin
    Key key = new Key();
  }

  /** A chain key: a development account's or one in a file; else the environment variable BHKR_CHAIN_KEY. */
  static final class Key {
    @Option(names = "--chain-dev-account", paramLabel = "N", converter = Converters.ChainDevAccount.class, description = "sign with development account N (anvil's mnemonic)")
    Integer devAccount;
    @Option(names = "--chain-key-file", paramLabel = "F", converter = Converters.PathName.class,
        description = "sign with the private key in file F (or BHKR_CHAIN_KEY)")
    Path keyFile;

    /** The key as hex, from the file, the development account or the environment variable. */
    String hex(String fromEnvironment) {
      return ChainMode.key(keyFile, devAccount, fromEnvironment);
    }

    /** How to give the same key again on a later command line. */
    String asOption() {
      return devAccount != null ? " --chain-dev-account " + devAccount : keyFile != null ? " --chain-key-file " + keyFile : "";
    }
  }
}
