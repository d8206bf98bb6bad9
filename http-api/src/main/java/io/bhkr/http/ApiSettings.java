package io.bhkr.http;

import java.time.Clock;
import java.time.Duration;

/**
 * How the API is served.
 *
 * @param development whether the development endpoints ({@code /api/v1/dev/...}) exist
 * @param operator the address allowed to call operator endpoints
 * @param profile the journal profile in use, shown by {@code /health}
 * @param clock where request expiry and event times are read; the only clock of the API
 * @param chain chain mode's services; null on a chain-less node
 */
public record ApiSettings(
    String host, int port, boolean development, String operator, String profile, Duration askTimeout, Clock clock,
    ChainServices chain, ParameterImpact impact) {}
