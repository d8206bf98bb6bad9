package io.bhkr.cli.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.client.SignedClient;
import io.bhkr.http.client.SignedClient.Response;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.web3j.crypto.Credentials;

/**
 * The sidecar beside one blockchain node (whitepaper 4, economics 9). Each round it probes its own
 * node and, if it serves, heartbeats with its block number; the answer names the audit period and
 * its targets; it probes each target and reports the share of successful probes so far in the
 * period. A later report for the same period replaces the earlier one, so the last report before
 * the period ends counts: reporting every round means a report is never lost to the period edge.
 */
public final class Sidecar implements Runnable {

  /**
   * @param stall how long a target's chain may stand still before its probes count as failures
   * @param allowPrivateTargets whether targets on loopback, link-local and private addresses are probed
   *     (a development market on one machine); off, they count as not serving (see {@link PublicTargets})
   */
  public record Settings(URI api, Credentials key, String nodeId, Duration interval, Duration stall, Duration probeTimeout,
      boolean allowPrivateTargets) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Settings settings;
  private final SignedClient client;
  private final BlockProbe probe;
  private final PrintStream log;
  private final Map<String, String> endpoints = new HashMap<>();
  private final Map<String, TargetRecord> records = new HashMap<>();
  private volatile boolean stopped;
  private long period = Long.MIN_VALUE;

  public Sidecar(Settings settings, PrintStream log) {
    this.settings = settings;
    this.client = new SignedClient(settings.api(), settings.key());
    this.probe = new BlockProbe(settings.probeTimeout());
    this.log = log;
  }

  public void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped) {
      long started = System.nanoTime();
      try {
        round();
      } catch (RuntimeException e) {
        // the API may be restarting: try again next round
        log.println("sidecar " + settings.nodeId() + ": " + e.getMessage());
      }
      long rest = settings.interval().toNanos() - (System.nanoTime() - started);
      if (rest > 0 && !stopped) LockSupport.parkNanos(rest);
    }
  }

  /** One heartbeat, one probe of each target, one report each. */
  void round() {
    String own = endpoint(settings.nodeId());
    OptionalLong block = probe.blockNumber(own);
    if (block.isEmpty()) {
      // A node that does not serve gets no heartbeat: after two silent periods it leaves the round.
      log.println("sidecar " + settings.nodeId() + ": own node at " + own + " does not answer");
      return;
    }
    JsonNode round = expectJson(client.post("/api/v1/nodes/" + settings.nodeId() + "/heartbeats",
        "{\"blockNumber\":" + block.getAsLong() + "}"));
    long current = round.path("period").asLong(-1);
    if (current < 0) return;
    if (current != period) {
      period = current;
      records.values().forEach(TargetRecord::newPeriod);
    }
    for (JsonNode t : round.path("assignments").path(settings.nodeId())) {
      String target = t.asText();
      TargetRecord record = records.computeIfAbsent(target, x -> new TargetRecord(settings.stall().toNanos()));
      record.probed(probeTarget(target), System.nanoTime());
      Response r = client.post("/api/v1/audits/reports", "{\"period\":%d,\"auditorNodeId\":\"%s\",\"targetNodeId\":\"%s\",\"upBps\":%d}"
          .formatted(current, settings.nodeId(), target, record.upBps()));
      if (r.status() != 200) log.println("sidecar " + settings.nodeId() + ": report on " + target + " refused: " + r.body());
    }
  }

  /** A target's block number, or -1; a target the operator did not allow (see {@link PublicTargets}) is not called at all. */
  private long probeTarget(String target) {
    String endpoint = endpoint(target);
    if (!settings.allowPrivateTargets()) {
      var refusal = PublicTargets.refusal(endpoint);
      if (refusal.isPresent()) {
        log.println("sidecar " + settings.nodeId() + ": not probing " + target + " at " + endpoint + ": " + refusal.get()
            + " (allow it with --allow-private-targets or bhkr.sidecar.allow-private-targets)");
        return -1;
      }
    }
    return probe.blockNumber(endpoint).orElse(-1);
  }

  private String endpoint(String nodeId) {
    return endpoints.computeIfAbsent(nodeId, id -> expectJson(client.get("/api/v1/nodes/" + id)).path("endpoint").asText());
  }

  private static JsonNode expectJson(Response r) {
    if (r.status() != 200) throw new IllegalStateException("the node answered " + r.status() + ": " + r.body());
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("the node did not answer JSON: " + r.body(), e);
    }
  }

  /** For tests and the log: the targets being watched. */
  List<String> targets() {
    return List.copyOf(records.keySet());
  }
}
