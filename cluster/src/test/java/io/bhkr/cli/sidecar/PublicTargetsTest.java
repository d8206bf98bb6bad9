package io.bhkr.cli.sidecar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Issue 13: a sidecar never probes another provider's internal network unless allowed. */
class PublicTargetsTest {

  @Test
  void loopbackLinkLocalAndPrivateRangesAreRefused() throws Exception {
    for (String endpoint : new String[] {"http://127.0.0.1:8545", "http://localhost:8545", "http://10.1.2.3:8545",
        "http://172.16.0.1", "http://192.168.1.1:8545", "http://169.254.169.254/latest", "http://100.64.0.1",
        "http://0.0.0.0:8545", "http://[::1]:8545", "http://[fd00::1]:8545", "http://[fe80::1]:8545", "http://224.0.0.1"})
      assertTrue(PublicTargets.refusal(endpoint).isPresent(), endpoint + " is refused");
  }

  @Test
  void publicAddressesAreAllowed() throws Exception {
    assertTrue(PublicTargets.isPublic(InetAddress.getByName("8.8.8.8")));
    assertTrue(PublicTargets.isPublic(InetAddress.getByName("2001:4860:4860::8888")));
    assertTrue(PublicTargets.refusal("http://1.1.1.1:8545").isEmpty());
    assertFalse(PublicTargets.isPublic(InetAddress.getByName("100.127.255.255")));
  }
}
