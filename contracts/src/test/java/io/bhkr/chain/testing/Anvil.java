package io.bhkr.chain.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.chain.EthereumNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real anvil process (from npm's @foundry-rs/anvil-linux-amd64) on a port of its own choosing,
 * and the JSON-RPC calls the tests use to steer it (mine, snapshot, revert, re-org).
 */
public final class Anvil implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final EthereumNode node;
  private final HttpClient http = HttpClient.newHttpClient();

  private Anvil(Process process, int port) {
    this.process = process;
    this.port = port;
    this.node = EthereumNode.connect(url());
  }

  /** Anvil on a free port (0) or a given one, with extra arguments (e.g. --state FILE). */
  public static Anvil start(int port, String... extra) {
    Path binary = binary();
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--color", "never"));
    command.addAll(List.of(extra));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<Integer> listening = new CompletableFuture<>();
      // keeps reading after the port line too, or anvil blocks once the pipe is full
      Thread reader = new Thread(() -> {
        try {
          for (String line; (line = out.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) listening.complete(Integer.parseInt(m.group(1)));
          }
        } catch (IOException e) {
          // the process ended
        }
        listening.completeExceptionally(new IllegalStateException("anvil closed its output before it listened"));
      }, "anvil-output");
      reader.setDaemon(true);
      reader.start();
      return new Anvil(p, listening.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start anvil (" + binary + "); run npm ci at the repository root", e);
    }
  }

  static Path binary() {
    String configured = System.getProperty("bhkr.anvil");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
    if (!Files.isExecutable(p)) throw new IllegalStateException("no anvil at " + p.toAbsolutePath() + "; run npm ci at the repository root");
    return p;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public EthereumNode node() {
    return node;
  }

  public JsonNode rpc(String method, Object... params) {
    try {
      String body = JSON.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url())).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(r.body());
      if (json.has("error")) throw new IllegalStateException(method + ": " + json.get("error"));
      return json.get("result");
    } catch (IOException e) {
      throw new IllegalStateException(method + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public void mine(int blocks) {
    rpc("anvil_mine", "0x" + Integer.toHexString(blocks));
  }

  public String snapshot() {
    return rpc("evm_snapshot").asText();
  }

  public void revert(String snapshot) {
    if (!rpc("evm_revert", snapshot).asBoolean()) throw new IllegalStateException("evm_revert " + snapshot + " failed");
  }

  /** Replaces the last {@code depth} blocks by empty ones (their transactions are dropped). */
  public void reorg(int depth) {
    rpc("anvil_reorg", depth, List.of());
  }

  public void automine(boolean on) {
    rpc("evm_setAutomine", on);
  }

  public void increaseTime(long seconds) {
    rpc("evm_increaseTime", seconds);
  }

  public long head() {
    return node.head();
  }

  /** SIGTERM, as the recipe says anvil exits cleanly on it (and writes its --state file). */
  @Override
  public void close() {
    node.close();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
