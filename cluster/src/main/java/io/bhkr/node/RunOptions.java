package io.bhkr.node;

import picocli.CommandLine.Option;

/**
 * The options of {@code run} as picocli declares them, in groups other commands share (demo
 * takes Node and Journal, replay Journal). Their values are checked, and their defaults applied, by
 * {@link RunCommand#options}, {@link ClusterOptions#split} and {@link ChainMode#split}, which read
 * the words picocli matched ({@link Words}); so the declarations here carry names and help only.
 */
final class RunOptions {

  private RunOptions() {}

  /** Where the node listens. */
  static final class Node {
    @Option(names = "--http-port", paramLabel = "N", description = "HTTP API port (default 8080; 0 picks a free one)")
    String httpPort;
    @Option(names = "--http-host", paramLabel = "H", description = "HTTP API address (default 127.0.0.1)")
    String httpHost;
    @Option(names = "--cluster-port", paramLabel = "N",
        description = "Akka cluster port (default 0: any free port, enough for one node; a seed node needs a fixed one)")
    String clusterPort;
    @Option(names = "--cassandra-create-tables",
        description = "create missing keyspaces and tables at start (one node of a new cluster; --profile cassandra)")
    boolean cassandraCreateTables;
  }

  /** The development genesis's timings (GenesisOptions): they take effect on a new journal only. */
  static final class Genesis {
    @Option(names = "--bid-window", paramLabel = "SECONDS",
        description = "the development genesis's bid window (default 3; a new journal only)")
    String bidWindow;
    @Option(names = "--audit-period", paramLabel = "SECONDS",
        description = "the development genesis's peer audit period (default 3600; a new journal only)")
    String auditPeriod;
  }

  /** Which journal: run's, demo's and replay's. */
  static final class Journal {
    @Option(names = "--profile", paramLabel = "P", description = {
        "journal: embedded (H2 under --data-dir, default), postgres or cassandra",
        "(cassandra keeps its read side in the --postgres-url database, default jdbc:postgresql://127.0.0.1:5432/bhkr_cassandra)"})
    String profile;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "folder of the embedded journal (default ./data)")
    String dataDir;
    @Option(names = "--postgres-url", paramLabel = "URL",
        description = "default jdbc:postgresql://127.0.0.1:5432/bhkr?reWriteBatchedInserts=true")
    String postgresUrl;
    @Option(names = "--postgres-user", paramLabel = "U", description = "default postgres")
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
    @Option(names = "--cassandra-replication-factor", paramLabel = "N", description = "of the keyspaces the node creates (default 1)")
    String cassandraReplicationFactor;
    @Option(names = "--cassandra-first-time-bucket", paramLabel = "yyyyMMddTHH:00",
        description = "the hour (UTC) before the journal's first event (default 20261201T00:00; tag queries never see events before it)")
    String cassandraFirstTimeBucket;
  }

  /** Joining a cluster (docs/operations.md). */
  static final class Cluster {
    @Option(names = "--cluster-host", paramLabel = "H", description = "the address other nodes reach this one at (default 127.0.0.1)")
    String clusterHost;
    @Option(names = "--seed-nodes", paramLabel = "H:P,H:P", description = {
        "join the cluster of these nodes (their host:cluster-port); without it the node forms a cluster of its own"})
    String seedNodes;
    @picocli.CommandLine.Mixin
    Management management = new Management();
  }

  /** The operator endpoints (Akka Management), which status reads. */
  static final class Management {
    @Option(names = "--management-port", paramLabel = "N", description = "operator endpoints /ready, /alive, /cluster/members (default 8558)")
    String managementPort;
  }

  /** Chain mode; without --chain-rpc the node runs chain-less (docs/chain.md). */
  static final class Chain {
    @Option(names = "--chain-rpc", paramLabel = "URL", description = "chain mode: the Ethereum node's JSON-RPC endpoint")
    String chainRpc;
    @Option(names = "--chain-contracts", paramLabel = "FILE", description = "the addresses written by deploy")
    String chainContracts;
    @Option(names = "--chain-confirmations", paramLabel = "N", description = "blocks a deposit waits for (default 12)")
    String chainConfirmations;
    @picocli.CommandLine.Mixin
    Key key = new Key();
  }

  /** A chain key: a development account's or one in a file; else the environment variable BHKR_CHAIN_KEY. */
  static final class Key {
    @Option(names = "--chain-dev-account", paramLabel = "N", description = "sign with development account N (anvil's mnemonic)")
    String devAccount;
    @Option(names = "--chain-key-file", paramLabel = "F", description = "sign with the private key in file F (or BHKR_CHAIN_KEY)")
    String keyFile;
  }
}
