package io.bhkr.cli;

import com.typesafe.config.ConfigFactory;
import io.bhkr.cli.sidecar.Sidecar;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code sidecar --node-id ID --key 0xKEY [--api URL] [--interval-ms N] [--stall-seconds N] [--allow-private-targets]}: runs
 * the sidecar of one node until the process is stopped.
 */
final class SidecarCommand {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private SidecarCommand() {}

  /**
   * The settings from sidecar's options: {@code key} and {@code as} are the keys of --key and --as
   * (exactly one of them), {@code allowPrivateTargets} the flag, which configuration
   * (bhkr.sidecar.allow-private-targets, e.g. -D or application.conf) may already have set.
   */
  static Sidecar.Settings settings(URI api, Credentials key, Credentials as, String nodeId, long intervalMs, long stallSeconds,
      boolean allowPrivateTargets) {
    if (key != null && as != null) throw new UsageError("give only one of --key and --as");
    if (nodeId == null) throw new UsageError("sidecar needs --node-id");
    if (key == null && as == null)
      throw new UsageError("sidecar needs --key (the private key of the node's sidecarAddress) or --as N (a development account's)");
    boolean allowPrivate = allowPrivateTargets || ConfigFactory.load().getBoolean("bhkr.sidecar.allow-private-targets");
    return new Sidecar.Settings(api, key != null ? key : as, nodeId, Duration.ofMillis(intervalMs), Duration.ofSeconds(stallSeconds),
        Duration.ofMillis(Math.min(intervalMs, 2_000)), allowPrivate);
  }

  /** --node-id: as the node was registered. */
  static final class NodeId implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!NODE_ID.matcher(value).matches()) throw new TypeConversionException("must be 1 to 64 characters of [A-Za-z0-9_-]");
      return value;
    }
  }

  static int run(Sidecar.Settings settings, PrintStream log) {
    log.println("sidecar of node " + settings.nodeId() + " (" + settings.key().getAddress() + ") against " + settings.api());
    new Sidecar(settings, log).run();
    return 0;
  }
}
