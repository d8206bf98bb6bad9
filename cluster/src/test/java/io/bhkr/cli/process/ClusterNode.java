package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.bhkr.http.client.SignedClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of a multi-node cluster as a real process ({@code bhkr.jar run --seed-nodes …}), read
 * through its operator endpoints: it is started, then found by the management address it logs
 * before it joins (so {@code /ready} can be asked while it is not ready yet), and its HTTP API
 * address once it listens. Output goes to {@code target/process-it/NAME.log} like
 * {@link NodeProcess}'s.
 */
final class ClusterNode implements AutoCloseable {

  private static final Pattern MANAGEMENT = Pattern.compile("BHKR management on (http://[^ ]+?)/? ");
  private static final Pattern LISTENING = Pattern.compile("BHKR node listening on (http://[^ ]+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  private final Process process;
  private final Path log;
  private final URI management;
  private volatile URI api;

  private ClusterNode(String name, Process process, Path log, URI management) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.management = management;
  }

  /** Starts the node on free HTTP and management ports and returns once its operator endpoints answer. */
  static ClusterNode launch(String name, Path workDir, List<String> options) {
    List<String> args = new ArrayList<>(List.of("run", "--http-port", "0", "--management-port", "0"));
    args.addAll(options);
    Path log = NodeProcess.logFile(name);
    Process process = NodeProcess.launch(args, workDir, log);
    try {
      return new ClusterNode(name, process, log, URI.create(await(process, log, MANAGEMENT, "its management address")));
    } catch (RuntimeException | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /**
   * A port free now, for a seed node's fixed cluster port (seed addresses must be known in advance).
   * Taken below Linux's ephemeral range (32768 and up), from which every outgoing connection (to
   * Cassandra, PostgreSQL, the other nodes) gets its local port: one of those once took a seed's
   * port between this choice and the node's bind, or while a killed node was down.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = 20_000 + PORTS.nextInt(12_000);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }

  private static final java.util.Random PORTS = new java.util.Random();

  /** GET on the management port: the status, or 0 when nothing answered. */
  int management(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(management.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String managementBody(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(management.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code /ready} answers 200, then reads where the HTTP API listens. */
  ClusterNode awaitReady(Duration limit) {
    long started = System.nanoTime();
    long deadline = started + limit.toNanos();
    while (management("/ready") != 200) {
      if (!process.isAlive()) fail(name + " exited with " + process.exitValue() + " before it was ready; output in " + log);
      if (System.nanoTime() > deadline) fail(name + " was not ready within " + limit + "; output in " + log);
      LockSupport.parkNanos(200_000_000L); // a poll bounded by the deadline
    }
    api = URI.create(await(process, log, LISTENING, "its HTTP address"));
    System.out.printf("%s: ready %d ms after we began to wait%n", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return this;
  }

  URI api() {
    return api;
  }

  SignedClient client() {
    return new SignedClient(api, null);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no Coordinated Shutdown, no leaving; the cluster finds out by itself. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), name + " did not end within 30 s of SIGKILL");
  }

  /** SIGTERM: Coordinated Shutdown leaves the cluster and hands its shards over; exit code 0. */
  void stop() throws InterruptedException {
    process.destroy();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), name + " did not end within 60 s of SIGTERM; output in " + log);
    assertTrue(process.exitValue() == 0 || process.exitValue() == 143, name + " exited with " + process.exitValue() + "; output in " + log);
  }

  @Override
  public void close() {
    if (process.isAlive()) process.destroyForcibly();
  }

  private static String await(Process process, Path log, Pattern line, String what) {
    long deadline = System.nanoTime() + NodeProcess.STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = line.matcher(read(log));
      if (m.find()) return m.group(1);
      if (!process.isAlive()) fail("the node exited with " + process.exitValue() + " before logging " + what + "; output in " + log);
      LockSupport.parkNanos(200_000_000L); // a poll bounded by the deadline
    }
    fail("the node did not log " + what + " within " + NodeProcess.STARTUP + "; output in " + log);
    return null;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
