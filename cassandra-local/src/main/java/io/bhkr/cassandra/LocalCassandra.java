package io.bhkr.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Cassandra 5.0 in a JVM of its own, from the cassandra-all jars Maven resolved for
 * this module (their classpath is the resource {@code cassandra.classpath}). Cassandra's libraries
 * never share a JVM with BHKR: their Netty, Guava, Jackson and Logback versions clash with Akka's.
 * Used by {@code scripts/cassandra} (through {@link #main}) and by the tests.
 *
 * <p>Everything lives under one folder: {@code cassandra.yaml}, {@code logback.xml}, the data,
 * commit log and {@code logs/}, the process's output {@code cassandra.out} and its pid in
 * {@code cassandra.pid}.
 */
public final class LocalCassandra {

  /** Where a node listens and keeps its files. */
  /** @param owner a process whose end stops this Cassandra too (a test JVM), or empty to outlive its starter */
  public record Settings(Path dir, String host, int cqlPort, int storagePort, Duration startTimeout, Optional<ProcessHandle> owner) {
    public Settings {
      dir = dir.toAbsolutePath().normalize();
    }

    public static Settings of(Path dir, int cqlPort) {
      // storage (gossip) port beside the CQL port (9042 -> 7042): not the default 7000, which other
      // local software likes to use, and a second local Cassandra on another CQL port gets its own
      return new Settings(dir, "127.0.0.1", cqlPort, cqlPort - 2000, Duration.ofSeconds(120), Optional.empty());
    }

    public Settings withStoragePort(int port) {
      return new Settings(dir, host, cqlPort, port, startTimeout, owner);
    }

    public Settings ownedBy(ProcessHandle process) {
      return new Settings(dir, host, cqlPort, storagePort, startTimeout, Optional.of(process));
    }
  }

  private final Settings settings;
  private final ProcessHandle process;

  private LocalCassandra(Settings settings, ProcessHandle process) {
    this.settings = settings;
    this.process = process;
  }

  public Settings settings() {
    return settings;
  }

  public ProcessHandle process() {
    return process;
  }

  /** "host:port" of the CQL port, as a driver contact point. */
  public String contactPoint() {
    return settings.host() + ":" + settings.cqlPort();
  }

  /**
   * Starts Cassandra and returns once its CQL port answers. Fails with the end of its output if the
   * process dies first or the port stays closed past the timeout (the process is then stopped).
   */
  public static LocalCassandra start(Settings s) throws IOException, InterruptedException {
    if (answers(s.host(), s.cqlPort()))
      throw new IllegalStateException("something already listens on " + s.host() + ":" + s.cqlPort());
    Files.createDirectories(s.dir().resolve("logs"));
    Files.writeString(s.dir().resolve("cassandra.yaml"), CassandraYaml.render(s));
    Files.writeString(s.dir().resolve("logback.xml"), resource("logback.xml"));
    Path out = s.dir().resolve("cassandra.out");
    Process p = new ProcessBuilder(command(s)).directory(s.dir().toFile())
        .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
        .start();
    Files.writeString(s.dir().resolve("cassandra.pid"), Long.toString(p.pid()));
    long deadline = System.nanoTime() + s.startTimeout().toNanos();
    while (!answers(s.host(), s.cqlPort())) {
      if (!p.isAlive())
        throw new IllegalStateException("Cassandra exited with " + p.exitValue() + " before its CQL port opened:\n" + tail(out));
      if (System.nanoTime() > deadline) {
        stop(p.toHandle(), Duration.ofSeconds(10));
        throw new IllegalStateException("Cassandra's CQL port " + s.cqlPort() + " did not open within " + s.startTimeout() + ":\n" + tail(out));
      }
      Thread.sleep(250);
    }
    return new LocalCassandra(s, p.toHandle());
  }

  /** The process a previous {@link #start} left running in {@code dir}, if it still runs. */
  public static Optional<ProcessHandle> running(Path dir) throws IOException {
    Path pidFile = dir.resolve("cassandra.pid");
    if (!Files.exists(pidFile)) return Optional.empty();
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    // a recycled pid belongs to some other program: only a Java command line naming Cassandra counts
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .filter(h -> h.info().arguments().map(a -> List.of(a).contains(CassandraYaml.MAIN)).orElse(true));
  }

  /** SIGTERM (Cassandra drains and flushes), then SIGKILL if it has not ended within {@code grace}. */
  public static void stop(ProcessHandle p, Duration grace) {
    p.destroy();
    try {
      p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      p.onExit().join();
    }
  }

  /** Kills the process at once: fine for test data, which is thrown away. */
  public void kill() {
    process.destroyForcibly();
    process.onExit().join();
  }

  public static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static List<String> command(Settings s) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable());
    cmd.addAll(CassandraYaml.jvmOptions(s));
    cmd.add("-cp");
    String cassandra = resource("cassandra.classpath").strip();
    if (s.owner().isEmpty()) {
      cmd.add(cassandra);
      cmd.add(CassandraYaml.MAIN);
    } else {
      cmd.add(cassandra + java.io.File.pathSeparator + ownLocation());
      cmd.add(WatchedCassandra.class.getName());
      cmd.add(Long.toString(s.owner().get().pid()));
    }
    return cmd;
  }

  /** This module's classes (a folder in the reactor, the jar otherwise), for WatchedCassandra. */
  private static String ownLocation() {
    try {
      return Path.of(LocalCassandra.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The java of this JVM, or {@code BHKR_CASSANDRA_JAVA}: Cassandra 5.0 runs on Java 11 or 17, not on
   * 21+ (it installs a SecurityManager), so a build on a newer JDK must name a Java 17.
   */
  private static String javaExecutable() {
    String chosen = System.getenv("BHKR_CASSANDRA_JAVA");
    if (chosen != null && !chosen.isBlank()) return chosen;
    if (Runtime.version().feature() > 17)
      throw new IllegalStateException("Cassandra 5.0 needs Java 11 or 17 but this is Java " + Runtime.version().feature()
          + ": set BHKR_CASSANDRA_JAVA to a Java 17 executable");
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static String resource(String name) {
    try (InputStream in = LocalCassandra.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource io/bhkr/cassandra/" + name
          + (name.endsWith(".classpath") ? " (build the cassandra-local module first: mvn -f cassandra-local/pom.xml compile)" : ""));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }

  private static String tail(Path out) {
    try {
      List<String> lines = Files.readAllLines(out);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /**
   * {@code start|stop|status [--dir DIR] [--port N]}: for scripts/cassandra. {@code start} returns
   * once CQL answers and leaves Cassandra running in the background.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) usage();
    Path dir = Path.of(System.getProperty("user.home"), ".bhkr", "cassandra");
    int port = 9042;
    for (int i = 1; i < args.length; i += 2) {
      if (i + 1 >= args.length) usage();
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> usage();
      }
    }
    Settings s = Settings.of(dir, port);
    Optional<ProcessHandle> running = running(s.dir());
    switch (args[0]) {
      case "start" -> {
        if (running.isPresent()) {
          System.out.println("Cassandra already runs (pid " + running.get().pid() + ") with data in " + s.dir());
          return;
        }
        long t0 = System.nanoTime();
        LocalCassandra c = start(s);
        System.out.printf("Cassandra %s answers on %s (pid %d, started in %.1f s); data and logs in %s%n",
            CassandraYaml.VERSION, c.contactPoint(), c.process().pid(), (System.nanoTime() - t0) / 1e9, s.dir());
      }
      case "stop" -> {
        if (running.isEmpty()) {
          System.out.println("Cassandra is not running (data in " + s.dir() + ")");
          return;
        }
        stop(running.get(), Duration.ofSeconds(60));
        Files.deleteIfExists(s.dir().resolve("cassandra.pid"));
        System.out.println("Cassandra stopped (pid " + running.get().pid() + ")");
      }
      case "status" -> {
        boolean answers = answers(s.host(), s.cqlPort());
        System.out.println(running.map(p -> "Cassandra runs (pid " + p.pid() + ")").orElse("Cassandra is not running")
            + "; CQL port " + s.host() + ":" + s.cqlPort() + (answers ? " answers" : " does not answer") + "; data in " + s.dir());
        if (running.isEmpty() || !answers) System.exit(3);
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: LocalCassandra start|stop|status [--dir DIR] [--port CQL_PORT]");
    System.exit(2);
  }
}
