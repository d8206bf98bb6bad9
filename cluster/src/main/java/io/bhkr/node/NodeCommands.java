package io.bhkr.node;

import io.bhkr.node.walkthrough.Walkthrough;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The commands that start a node ({@code run}, {@code demo}) or play the worked example against one ({@code walkthrough}). */
final class NodeCommands {

  private NodeCommands() {}

  @Command(name = "run", sortOptions = false, description = "start a node (stop it with Ctrl-C); the default command")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RunOptions.Node node;
    @Mixin RunOptions.Genesis genesis;
    @Mixin RunOptions.Journal journal;
    @Mixin RunOptions.Cluster cluster;
    @Mixin RunOptions.Chain chain;

    @Override
    public Integer call() {
      GenesisOptions.Split genesisSplit = GenesisOptions.split(Words.of(spec));
      ChainMode.Split chainSplit = ChainMode.split(genesisSplit.rest(), System.getenv(ChainMode.KEY_VARIABLE));
      ClusterOptions.Split clusterSplit = ClusterOptions.split(chainSplit.rest());
      NodeOptions options = RunCommand.options(clusterSplit.rest(), System.getenv(RunCommand.PASSWORD_VARIABLE));
      // Each node would write its own H2 file: one entity, several journals. The embedded profile is one node.
      if (clusterSplit.seedNodesGiven() && options.profile() == io.bhkr.persistence.JournalProfile.EMBEDDED)
        throw new UsageError("--seed-nodes needs a shared journal (--profile postgres); the embedded profile is a single node");
      return RunCommand.run(options, clusterSplit.config().withFallback(chainSplit.chain()).withFallback(genesisSplit.config()), node -> true);
    }
  }

  @Command(name = "demo", sortOptions = false, description = {
      "start a node on a fresh data folder, play the worked example, keep serving",
      "the whitepaper's worked example through the node's API; then the node keeps serving until Ctrl-C"})
  static final class Demo implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RunOptions.Node node;
    @Mixin RunOptions.Genesis genesis;
    @Mixin RunOptions.Journal journal;
    @Mixin RunOptions.Management management;

    @Override
    public Integer call() {
      // with the operator endpoints, so that status works against the README's first command too
      GenesisOptions.Split genesisSplit = GenesisOptions.split(Words.of(spec));
      ClusterOptions.Split cluster = ClusterOptions.split(genesisSplit.rest());
      List<String> words = new ArrayList<>(cluster.rest());
      if (journal.dataDir == null) {
        try {
          words.addAll(List.of("--data-dir", java.nio.file.Files.createTempDirectory("bhkr-demo-").toString()));
        } catch (java.io.IOException e) {
          System.err.println("bhkr: cannot create a data folder for the demo: " + e.getMessage());
          return 1;
        }
      }
      NodeOptions options = RunCommand.options(words, System.getenv(RunCommand.PASSWORD_VARIABLE));
      return RunCommand.run(options, cluster.config().withFallback(genesisSplit.config()), started -> {
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
    @Option(names = "--api", paramLabel = "URL", description = "the node (default http://127.0.0.1:8080)")
    String api = CallCommand.DEFAULT_API;

    @Override
    public Integer call() {
      CallCommand.api(api);
      try {
        return Walkthrough.run(api, System.out).reproducedS1() ? 0 : 1;
      } catch (RuntimeException e) {
        System.err.println("bhkr: the walkthrough failed: " + e.getMessage());
        return 1;
      }
    }
  }
}
