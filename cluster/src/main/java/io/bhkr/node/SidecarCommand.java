package io.bhkr.node;

import com.typesafe.config.ConfigFactory;
import io.bhkr.node.sidecar.Sidecar;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;

/**
 * {@code sidecar --node-id ID --key 0xKEY [--api URL] [--interval-ms N] [--stall-seconds N] [--allow-private-targets]}: runs
 * the sidecar of one node until the process is stopped.
 */
final class SidecarCommand {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private SidecarCommand() {}

  static Sidecar.Settings settings(List<String> words) {
    CommandArguments args = new CommandArguments(words);
    URI api = URI.create(CallCommand.DEFAULT_API);
    Credentials key = null;
    String nodeId = null;
    long intervalMs = 5_000;
    long stallSeconds = 30;
    // Configuration first (bhkr.sidecar.allow-private-targets, e.g. -D or application.conf), the flag over it.
    boolean allowPrivateTargets = ConfigFactory.load().getBoolean("bhkr.sidecar.allow-private-targets");
    while (args.hasNext()) {
      if (!args.atOption()) throw new UsageError("sidecar takes only options, not '" + args.positional() + "'");
      CommandArguments.Option o = args.option(name -> !name.equals("--allow-private-targets"));
      switch (o.name()) {
        case "--api" -> api = CallCommand.api(o.value());
        case "--key", "--as" -> {
          if (key != null) throw new UsageError("give only one of --key and --as");
          key = o.name().equals("--key") ? CallCommand.privateKey(o.value()) : CallCommand.developmentKey(o.value());
        }
        case "--node-id" -> {
          if (!NODE_ID.matcher(o.value()).matches()) throw new UsageError("--node-id must be 1 to 64 characters of [A-Za-z0-9_-]");
          nodeId = o.value();
        }
        case "--interval-ms" -> intervalMs = positive(o);
        case "--stall-seconds" -> stallSeconds = positive(o);
        case "--allow-private-targets" -> allowPrivateTargets = true;
        default -> throw new UsageError("unknown option " + o.name());
      }
    }
    if (nodeId == null) throw new UsageError("sidecar needs --node-id");
    if (key == null) throw new UsageError("sidecar needs --key (the private key of the node's sidecarAddress) or --as N (a development account's)");
    return new Sidecar.Settings(api, key, nodeId, Duration.ofMillis(intervalMs), Duration.ofSeconds(stallSeconds),
        Duration.ofMillis(Math.min(intervalMs, 2_000)), allowPrivateTargets);
  }

  static int run(Sidecar.Settings settings, PrintStream log) {
    log.println("sidecar of node " + settings.nodeId() + " (" + settings.key().getAddress() + ") against " + settings.api());
    new Sidecar(settings, log).run();
    return 0;
  }

  private static long positive(CommandArguments.Option o) {
    try {
      long v = Long.parseLong(o.value());
      if (v > 0) return v;
    } catch (NumberFormatException e) {
      // the same message as a non-positive number
    }
    throw new UsageError(o.name() + " needs a positive whole number");
  }
}
