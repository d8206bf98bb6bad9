package io.bhkr.cassandra;

import java.util.ArrayList;
import java.util.List;

/**
 * How a fast single development node is configured: cassandra.yaml and the JVM options (those of
 * Cassandra 5.0's {@code conf/jvm17-server.options}, with a small heap). See
 * {@code ../shared/recipes/cassandra-local.md} for why each setting is there.
 */
final class CassandraYaml {

  static final String MAIN = "org.apache.cassandra.service.CassandraDaemon";
  static final String VERSION = "5.0.9";

  private CassandraYaml() {}

  /**
   * One token at 0 and no bootstrap (otherwise a 30 s ring delay), SimpleSnitch (data centre
   * "datacenter1", which the driver configuration names), small memtables and thread pools for a
   * shared laptop or CI box, no hints, no snapshots on drop, periodic commit log sync.
   */
  static String render(LocalCassandra.Settings s) {
    return """
        cluster_name: bhkr-local
        num_tokens: 1
        initial_token: 0
        auto_bootstrap: false
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "%1$s:%3$d"
        listen_address: %1$s
        rpc_address: %1$s
        storage_port: %3$d
        native_transport_port: %2$d
        start_native_transport: true
        authenticator: AllowAllAuthenticator
        authorizer: AllowAllAuthorizer
        data_file_directories:
          - %4$s/data
        commitlog_directory: %4$s/commitlog
        saved_caches_directory: %4$s/saved_caches
        hints_directory: %4$s/hints
        cdc_raw_directory: %4$s/cdc_raw
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        hinted_handoff_enabled: false
        auto_snapshot: false
        memtable_heap_space: 64MiB
        memtable_offheap_space: 64MiB
        concurrent_reads: 4
        concurrent_writes: 4
        concurrent_counter_writes: 4
        concurrent_materialized_view_writes: 4
        disk_failure_policy: stop
        commit_failure_policy: stop
        """.formatted(s.host(), s.cqlPort(), s.storagePort(), s.dir());
  }

  static List<String> jvmOptions(LocalCassandra.Settings s) {
    List<String> o = new ArrayList<>(List.of(
        "-Xms256M", "-Xmx512M", "-XX:MaxDirectMemorySize=256M", "-Xss256k",
        "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1", "-XX:G1RSetUpdatingPauseTimePercent=5",
        "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + s.dir(), "-XX:+ExitOnOutOfMemoryError",
        "-Djava.net.preferIPv4Stack=true", "-Djdk.attach.allowAttachSelf=true",
        "-Dio.netty.tryReflectionSetAccessible=true", "-Dio.netty.allocator.useCacheForAllThreads=true",
        "-Dio.netty.allocator.cacheTrimIntervalMillis=1000",
        "-Dcassandra-foreground=yes",
        "-Dcassandra.config=file://" + s.dir().resolve("cassandra.yaml"),
        "-Dcassandra.storagedir=" + s.dir(),
        "-Dcassandra.logdir=" + s.dir().resolve("logs"),
        "-Dlogback.configurationFile=" + s.dir().resolve("logback.xml"),
        "-Dcassandra.native_transport_port=" + s.cqlPort(),
        "-Dcassandra.storage_port=" + s.storagePort(),
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=0",
        "-Djava.io.tmpdir=" + s.dir()));
    // A test's Cassandra lives as long as its test JVM: schema changes need not be flushed and
    // synced to disk one by one (they take ~1.5 s each otherwise, and every test creates keyspaces).
    if (s.owner().isPresent()) o.add("-Dcassandra.unsafesystem=true");
    for (String export : List.of("java.base/jdk.internal.misc", "java.base/jdk.internal.ref", "java.base/sun.nio.ch",
        "java.management.rmi/com.sun.jmx.remote.internal.rmi", "java.rmi/sun.rmi.registry", "java.rmi/sun.rmi.server",
        "java.sql/java.sql", "java.base/java.lang.ref", "jdk.unsupported/sun.misc"))
      o.add("--add-exports=" + export + "=ALL-UNNAMED");
    for (String open : List.of("java.base/java.lang.module", "java.base/jdk.internal.loader", "java.base/jdk.internal.ref",
        "java.base/jdk.internal.reflect", "java.base/jdk.internal.math", "java.base/jdk.internal.module",
        "java.base/jdk.internal.util.jar", "jdk.management/com.sun.management.internal", "java.base/sun.nio.ch",
        "java.base/java.io", "java.base/java.nio", "java.base/java.util.concurrent", "java.base/java.util",
        "java.base/java.util.concurrent.atomic", "java.base/java.lang", "java.base/java.math", "java.base/java.lang.reflect",
        "java.base/java.net"))
      o.add("--add-opens=" + open + "=ALL-UNNAMED");
    return o;
  }
}
