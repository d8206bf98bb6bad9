package io.bhkr.persistence.testing;

import io.bhkr.cassandra.LocalCassandra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Cassandra of a test JVM: started by the first test that needs it (7–15 s), on free ports
 * and in a fresh folder under {@code target/}, and gone when the JVM ends — by a shutdown hook,
 * and, should the JVM be killed, by Cassandra itself watching this JVM ({@code WatchedCassandra}).
 * Tests keep apart by keyspaces of their own. {@code -Dbhkr.test.cassandra=host:port} uses a
 * Cassandra that already runs (e.g. {@code scripts/cassandra start}) instead.
 */
public final class CassandraTestServer {

  private static final Logger log = LoggerFactory.getLogger(CassandraTestServer.class);
  public static final String EXTERNAL = "bhkr.test.cassandra";

  private static String contactPoint;

  private CassandraTestServer() {}

  /** "host:port" of the test Cassandra, started on first use. */
  public static synchronized String contactPoint() {
    if (contactPoint != null) return contactPoint;
    String external = System.getProperty(EXTERNAL, "");
    if (!external.isBlank()) return contactPoint = external;
    try {
      int cql = freePort();
      Path dir = Path.of("target", "cassandra-test-" + cql).toAbsolutePath();
      deleteRecursively(dir);
      long started = System.nanoTime();
      LocalCassandra cassandra = LocalCassandra.start(
          LocalCassandra.Settings.of(dir, cql).withStoragePort(freePort()).ownedBy(ProcessHandle.current()));
      log.info("Test Cassandra on {} started in {} ms (pid {}, {})", cassandra.contactPoint(),
          (System.nanoTime() - started) / 1_000_000, cassandra.process().pid(), dir);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        cassandra.kill(); // test data: no need to flush
        deleteRecursively(dir);
      }, "test-cassandra-stop"));
      return contactPoint = cassandra.contactPoint();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test Cassandra", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the test Cassandra", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.toString());
    }
  }
}
