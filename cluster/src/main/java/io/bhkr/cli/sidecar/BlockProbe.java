package io.bhkr.cli.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/** One JSON-RPC {@code eth_blockNumber} call: the node's block number, or empty if it did not answer, or answered an error. */
public final class BlockProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";

  private final HttpClient http;
  private final Duration timeout;

  public BlockProbe(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  public OptionalLong blockNumber(String endpoint) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(timeout)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CALL)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) return OptionalLong.empty();
      JsonNode result = JSON.readTree(response.body()).path("result");
      if (!result.isTextual() || !result.asText().startsWith("0x")) return OptionalLong.empty();
      return OptionalLong.of(new BigInteger(result.asText().substring(2), 16).longValueExact());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    } catch (Exception e) {
      // refused, timed out, not JSON, a number beyond a long: all mean the node is not serving
      return OptionalLong.empty();
    }
  }
}
