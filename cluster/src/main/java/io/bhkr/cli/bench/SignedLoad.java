package io.bhkr.cli.bench;

import io.bhkr.http.client.SignedClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.web3j.crypto.Credentials;

/**
 * Closed-loop clients, each sending its own signed account transfers one after another: the
 * requests are signed before the clock starts (a client's cost is not the node's), and every
 * answer's latency goes into one HdrHistogram.
 */
final class SignedLoad {

  /** What one run at one concurrency gave. */
  record Result(int clients, long accepted, long refused, double seconds, double p50Ms, double p99Ms, double maxMs) {
    double perSecond() {
      return accepted / seconds;
    }
  }

  private SignedLoad() {}

  static Result run(URI node, List<Credentials> accounts, int clients, int requestsPerClient, double seconds) throws InterruptedException {
    List<List<HttpRequest>> signed = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Credentials from = accounts.get(c % accounts.size());
      String to = accounts.get((c + 1) % accounts.size()).getAddress();
      SignedClient signer = new SignedClient(node, from);
      List<HttpRequest> mine = new ArrayList<>(requestsPerClient);
      for (int i = 0; i < requestsPerClient; i++) {
        mine.add(signer.presigned("POST", "/api/v1/accounts/" + from.getAddress() + "/transfers",
            "{\"to\":\"" + to + "\",\"amount\":{\"asset\":\"BHKR\",\"amount\":\"1\"}}"));
      }
      signed.add(mine);
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    Recorder latencies = new Recorder(3);
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<HttpRequest> mine = signed.get(c);
      Thread t = new Thread(() -> {
        for (HttpRequest request : mine) {
          if (System.nanoTime() > end) return;
          long sent = System.nanoTime();
          try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
            (r.statusCode() / 100 == 2 ? accepted : refused).incrementAndGet();
          } catch (Exception e) {
            refused.incrementAndGet();
          }
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join();
    double took = (System.nanoTime() - start) / 1e9;
    var h = latencies.getIntervalHistogram();
    return new Result(clients, accepted.get(), refused.get(), took, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3);
  }
}
