package io.bhkr.cli.sidecar;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which endpoints a sidecar may probe for the market. A provider registers its node's endpoint
 * itself; without this check it could aim every other provider's sidecar at that provider's own
 * internal network (loopback, link-local, private ranges) and learn what answers there. Unless
 * the operator allows such targets (a development market on one machine), they are not probed and
 * count as not serving.
 */
public final class PublicTargets {

  private PublicTargets() {}

  /** Why {@code endpoint} may not be probed, or empty if it may. Every address the host resolves to must be public. */
  public static Optional<String> refusal(String endpoint) {
    String host;
    try {
      host = URI.create(endpoint).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.of("not a URL");
    }
    if (host == null) return Optional.of("no host");
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("its host does not resolve");
    }
    for (InetAddress a : addresses)
      if (!isPublic(a)) return Optional.of(host + " resolves to the non-public address " + a.getHostAddress());
    return Optional.empty();
  }

  /** Not loopback, link-local, private (RFC 1918, IPv6 unique-local), shared (100.64/10), wildcard or multicast. */
  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress())
      return false;
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) return (b[0] & 0xfe) != 0xfc; // fc00::/7
    if ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) return false; // 100.64.0.0/10, carrier-grade NAT
    if ((b[0] & 0xff) == 0) return false; // 0.0.0.0/8, "this network"
    return true;
  }
}
