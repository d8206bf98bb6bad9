package io.bhkr.http;

import com.typesafe.config.Config;
import java.time.Clock;
import java.time.Duration;

/**
 * How the API is served.
 *
 * @param development whether the development endpoints ({@code /api/v1/dev/...}) exist
 * @param operator the address allowed to call operator endpoints
 * @param profile the journal profile in use, shown by {@code /health}
 * @param clock where request expiry and event times are read; the only clock of the API
 * @param waits how long the API waits for entities, effects and request bodies ({@code bhkr.http.waits})
 * @param chain chain mode's services; null on a chain-less node
 */
public record ApiSettings(
    String host, int port, boolean development, String operator, String profile, Waits waits, Clock clock,
    ChainServices chain, ParameterImpact impact) {

  /**
   * @param ask an entity's answer to a question or a command
   * @param effect a write's effect elsewhere (a transfer taken in) before answering 202 instead
   * @param body a request body to arrive in full
   * @param heartbeat between comments on an idle event stream, so proxies keep it open
   */
  public record Waits(Duration ask, Duration effect, Duration body, Duration heartbeat) {
    public static Waits of(Config config) {
      Config c = config.getConfig("bhkr.http.waits");
      return new Waits(c.getDuration("ask"), c.getDuration("effect"), c.getDuration("body"), c.getDuration("event-stream-heartbeat"));
    }
  }

  public Duration askTimeout() {
    return waits.ask();
  }
}
