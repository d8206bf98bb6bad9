package io.bhkr.cli;

import io.bhkr.cli.walkthrough.Walkthrough;
import com.typesafe.config.Config;
import io.bhkr.persistence.JournalProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands that start a node ({@code run}, {@code demo}) or play the worked example against one ({@code walkthrough}). */
final class NodeCommands {

  private NodeCommands() {}

  /** A node's settings as the command line gives them: its options and the configuration over application.conf. */
  record Settings(NodeOptions options, Config overrides) {}

  @Command(name = "run", sortOptions = false, description = "start a node (stop it with Ctrl-C); the default command")
  static final class Run implements Callable<Integer> {
    @Mixin RunOptions.Node node;
    @Mixin RunOptions.Genesis genesis;
    @Mixin RunOptions.Journal journal;
    @Mixin RunOptions.Cluster cluster;
    @Mixin RunOptions.Chain chain;

    /** The passwords from the environment, unless the command line gives them. */
    Settings settings(String postgresPassword, String chainKey) {
      NodeOptions options = RunOptions.nodeOptions(node, journal, postgresPassword);
      // Each node would write its own H2 file: one entity, several journals. The embedded profile is one node.
      if (cluster.seedNodes != null && options.profile() == JournalProfile.EMBEDDED)
        throw new UsageError("--seed-nodes needs a shared journal (--profile postgres); the embedded profile is a single node");
      return new Settings(options, cluster.config().withFallback(ChainMode.config(chain, chainKey)).withFallback(genesis.config()));
    }

    @Override
    public Integer call() {
      Settings s = settings(System.getenv(RunCommand.PASSWORD_VARIABLE), System.getenv(ChainMode.KEY_VARIABLE));
      return RunCommand.run(s.options(), s.overrides(), started -> true);
    }
  }

  @Command(name = "demo", sortOptions = false, description = {
      "start a node on a fresh data folder, play the worked example, keep serving",
      "the whitepaper's worked example through the node's API; then the node keeps serving until Ctrl-C"})
  static final class Demo implements Callable<Integer> {
    @Mixin RunOptions.Node node;
    @Mixin RunOptions.Genesis genesis;
    @Mixin RunOptions.Journal journal;
    @Mixin RunOptions.Management management;

    @Override
    public Integer call() {
      if (journal.dataDir == null) {
        try {
          journal.dataDir = Files.createTempDirectory("bhkr-demo-");
        } catch (IOException e) {
          System.err.println("bhkr: cannot create a data folder for the demo: " + e.getMessage());
          return 1;
        }
      }
      NodeOptions options = RunOptions.nodeOptions(node, journal, System.getenv(RunCommand.PASSWORD_VARIABLE));
      // with the operator endpoints, so that status works against the README's first command too
      Config overrides = ClusterOptions.config(null, null, management.managementPort).withFallback(genesis.config());
      return RunCommand.run(options, overrides, started -> {
        System.out.println("The whitepaper's worked example (economics vector S1), through the API of " + started.baseUrl() + ":");
        try {
          boolean reproduced = Walkthrough.run(started.baseUrl(), System.out).reproducedS1();
          if (reproduced) System.out.println("The node keeps serving on " + started.baseUrl() + "; stop it with Ctrl-C.");
          return reproduced;
        } catch (RuntimeException e) {
          System.err.println("bhkr: the walkthrough failed: " + e.getMessage());
          return false;
        }
      });
    }
  }

  @Command(name = "walkthrough", description = {"play the worked example against a running node",
      "(once per fresh data folder: it checks absolute balances)"})
  static final class WalkthroughCommand implements Callable<Integer> {
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = "the node (default http://127.0.0.1:8080)")
    URI api = URI.create(CallCommand.DEFAULT_API);

    @Override
    public Integer call() {
      try {
        return Walkthrough.run(api.toString(), System.out).reproducedS1() ? 0 : 1;
      } catch (RuntimeException e) {
        System.err.println("bhkr: the walkthrough failed: " + e.getMessage());
        return 1;
      }
    }
  }
}
