package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Ethereum node: the anvil binary of the npm package {@code @foundry-rs/anvil-linux-amd64}
 * (see the shared recipe ethereum-offline.md), on 127.0.0.1 and a free port, mining a block a second.
 */
public final class Anvil implements AutoCloseable {

  public static final Path BINARY = Path.of("..", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil").toAbsolutePath().normalize();
  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private Anvil(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  public static Anvil start() {
    Process process;
    try {
      process = new ProcessBuilder(List.of(BINARY.toString(), "--host", "127.0.0.1", "--port", "0", "--block-time", "1", "--color", "never"))
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + BINARY, e);
    }
    // A reader thread, so that waiting for the port line is bounded by a deadline, and anvil's output never blocks it.
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
      } catch (IOException ended) {
        // the process ended
      }
    }, "anvil-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (line == null) {
          assertTrue(process.isAlive(), "anvil exited before it listened");
          continue;
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) return new Anvil(process, Integer.parseInt(m.group(1)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    throw new IllegalStateException("anvil did not say where it listens within " + STARTUP);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGTERM, as an operator stopping the node would; bounded. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
