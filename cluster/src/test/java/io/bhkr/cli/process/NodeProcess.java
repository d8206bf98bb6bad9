package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.client.SignedClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar bhkr.jar …} as a real operating-system process, its output (stdout and stderr)
 * in a file under {@code target/process-it/} so that a failing test can be read afterwards.
 */
final class NodeProcess implements AutoCloseable {

  /** A finished command: its exit code and everything it printed. */
  record Finished(int exitCode, String output) {}

  static final Duration STARTUP = Duration.ofSeconds(90);
  static final Duration STOP = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern LISTENING = java.util.regex.Pattern.compile("BHKR node listening on (http://[^ ]+)");

  private final Process process;
  private final Path log;
  private final URI base;

  private NodeProcess(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /**
   * Starts a node with the given further options, and waits until its {@code /health} says UP.
   * The node binds a port of its own choosing ({@code --http-port 0}) and the test reads it from
   * the log, so no other process on the machine can take the port between choosing and binding.
   * The working folder is {@code workDir}, so files the node writes relative to it stay out of
   * the source tree.
   */
  static NodeProcess startNode(String name, Path workDir, List<String> options) {
    List<String> args = new ArrayList<>(List.of("--http-port", "0", "--management-port", "0"));
    args.addAll(options);
    Path log = logFile(name);
    long started = System.nanoTime();
    Process process = launch(args, workDir, log);
    NodeProcess node;
    try {
      node = new NodeProcess(process, log, awaitListening(process, log));
      node.awaitHealthy();
    } catch (RuntimeException | Error e) {
      if (process.isAlive()) process.destroyForcibly();
      throw e;
    }
    System.out.printf("%s: node answered UP on /health %d ms after the process started%n",
        name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return node;
  }

  /** Starts a node and waits until it listens, not until it is UP: for a node expected to report itself DOWN. */
  static NodeProcess startListening(String name, Path workDir, List<String> options) {
    List<String> args = new ArrayList<>(List.of("--http-port", "0", "--management-port", "0"));
    args.addAll(options);
    Path log = logFile(name);
    Process process = launch(args, workDir, log);
    try {
      return new NodeProcess(process, log, awaitListening(process, log));
    } catch (RuntimeException | Error e) {
      if (process.isAlive()) process.destroyForcibly();
      throw e;
    }
  }

  /** Runs a command that ends by itself (call, accounts, a bad command line) to its end. */
  static Finished runToEnd(String name, List<String> args) {
    Path log = logFile(name);
    Process process = launch(args, jar().getParent(), log);
    try {
      if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("bhkr.jar " + args + " did not end within " + STARTUP + "; output in " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
    return new Finished(process.exitValue(), read(log));
  }

  URI base() {
    return base;
  }

  SignedClient client() {
    return new SignedClient(base, null);
  }

  /** SIGTERM (as Ctrl-C or a service manager would), then waits for the JVM to end. */
  String stop() throws InterruptedException {
    process.destroy();
    boolean ended = process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
    assertTrue(ended, "the node did not end within " + STOP + " of SIGTERM; output in " + log);
    return output();
  }

  /**
   * SIGKILL (as a power cut or the OOM killer would): the JVM ends at once, whatever it was
   * writing, with no Coordinated Shutdown. Waits until the process is gone.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS), "the node did not end within " + STOP + " of SIGKILL");
  }

  String output() {
    return read(log);
  }

  /** Never leaves a node behind, whatever the test did. */
  @Override
  public void close() {
    if (process.isAlive()) process.destroyForcibly();
  }

  /** The address the node logs once its HTTP API is bound. */
  private static URI awaitListening(Process process, Path log) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      java.util.regex.Matcher m = LISTENING.matcher(read(log));
      if (m.find()) return URI.create(m.group(1));
      if (!process.isAlive()) fail("the node exited with " + process.exitValue() + " before it listened; output:\n" + read(log));
      pause();
    }
    fail("the node did not listen within " + STARTUP + "; output in " + log);
    return null;
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive())
        fail("the node exited with " + process.exitValue() + " before it was UP; output:\n" + output());
      try {
        SignedClient.Response health = client().get("/health");
        if (health.status() == 200 && "UP".equals(json(health.body()).path("status").asText())) return;
        last = "HTTP " + health.status() + " " + health.body();
      } catch (UncheckedIOException notListeningYet) {
        last = notListeningYet.getMessage();
      }
      pause();
    }
    fail("the node was not UP within " + STARTUP + " (last: " + last + "); output in " + log);
  }

  // The only sleep: the pause of a poll bounded by a deadline.
  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Process launch(List<String> args, Path workDir, Path log) {
    List<String> command = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
    command.addAll(args);
    try {
      Files.createDirectories(workDir);
      Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
      return new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  /** The jar that package built; failsafe passes its path (see cluster/pom.xml). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("bhkr.jar", "target/bhkr.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn verify (package builds it)");
    return jar;
  }

  /** The java that runs this test, so the node runs on the same JDK. */
  private static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  static Path logFile(String name) {
    Path dir = jar().getParent().resolve("process-it");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(name + ".log");
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
