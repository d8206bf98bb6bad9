package io.bhkr.node;

import java.util.Arrays;
import io.bhkr.node.walkthrough.Walkthrough;
import java.util.List;

/**
 * The command line of {@code bhkr.jar}: {@code run} (the default) starts a node, {@code call}
 * sends one signed request to a node, {@code demo} and {@code walkthrough} play the worked
 * example, {@code audit} prints a node's conservation report, {@code accounts} lists the
 * development accounts, {@code deploy} and {@code deploy-micropool} put contracts on a chain.
 * A wrong command line exits with 2, like most Unix tools.
 */
public final class Main {

  static final String USAGE = """
      Usage:
        java -jar bhkr.jar [run] [options]       start a node (stop it with Ctrl-C)
          --http-port N            HTTP API port (default 8080; 0 picks a free one)
          --http-host H            HTTP API address (default 127.0.0.1)
          --profile P              journal: embedded (H2 under --data-dir, default), postgres or cassandra
                                   (cassandra keeps its read side in the --postgres-url database,
                                   default jdbc:postgresql://127.0.0.1:5432/bhkr_cassandra)
          --data-dir DIR           folder of the embedded journal (default ./data)
          --postgres-url URL       default jdbc:postgresql://127.0.0.1:5432/bhkr?reWriteBatchedInserts=true
          --postgres-user U        default postgres
          --postgres-password P    default empty, or the environment variable BHKR_POSTGRES_PASSWORD
          --cassandra-contact-points H:P,…  Cassandra nodes (default 127.0.0.1:9042; scripts/cassandra start)
          --cassandra-keyspace K   keyspace of the events (default bhkr); --cassandra-snapshot-keyspace K
                                   of the snapshots (default bhkr_snapshot); --cassandra-datacenter DC
                                   the driver's local data centre (default datacenter1)
          --cassandra-replication-factor N  of the keyspaces the node creates (default 1)
          --cassandra-create-tables  create missing keyspaces and tables at start (one node of a new cluster)
          --cassandra-first-time-bucket yyyyMMddTHH:00  the hour (UTC) before the journal's first event
                                   (default 20261201T00:00; tag queries never see events before it)
          --cluster-port N         Akka cluster port (default 0: any free port, enough for one node;
                                   a seed node needs a fixed one)
          --cluster-host H         the address other nodes reach this one at (default 127.0.0.1)
          --seed-nodes H:P,H:P     join the cluster of these nodes (their host:cluster-port); without
                                   it the node forms a cluster of its own (docs/operations.md)
          --management-port N      operator endpoints /ready, /alive, /cluster/members (default 8558)
        java -jar bhkr.jar call [--api URL] [--as N | --key 0xPRIVATEKEY] METHOD PATH [JSON-BODY]
                                   one request, signed as development account N or by the key;
                                   --api defaults to http://127.0.0.1:8080; exit 0 for a 2xx answer
        java -jar bhkr.jar demo [options]        start a node on a fresh data folder, play the whitepaper's
                                   worked example through its API, and keep serving (options of run)
        java -jar bhkr.jar walkthrough [--api URL]  play the worked example against a running node
                                   (once per fresh data folder: it checks absolute balances)
        java -jar bhkr.jar audit [--api URL]       the conservation report of a running node, with its verdict;
                                   exit 0 when every asset balances and no transfer was credited twice
        java -jar bhkr.jar accounts                the development accounts 0-9 and their roles
        java -jar bhkr.jar replay COMMAND [--data-dir DIR | --profile postgres …]
                                   researchers' tools over a journal (replay --help): verify re-derives
                                   every decision with the production rules; exit 0 when all agree;
                                   export --out DIR writes its tables as Parquet and CSV; sql queries them
        java -jar bhkr.jar deploy --chain-rpc URL [--chain-dev-account N | --chain-key-file F]
                                   [--platform ADDR] [--out FILE]
                                   deploy the contracts, print their addresses, write them to FILE
                                   (default contracts.json); the key may also come from BHKR_CHAIN_KEY
        java -jar bhkr.jar deploy-micropool --chain-rpc URL --chain-contracts FILE --provider 0xADDR
                                   --ends-at UNIXSECONDS --fp BHKR_BASE_UNITS --k WEI [--validator-stake WEI]
                                   [--chain-dev-account N | --chain-key-file F]
                                   deploy a provider's micro-pool contract (users' principal on chain, active
                                   at the validator stake, default 32 ETH, less k; its platform is the vault's)
        java -jar bhkr.jar sidecar --node-id ID --key 0xPRIVATEKEY [--api URL] [--interval-ms N] [--stall-seconds N] [--allow-private-targets]
                                   run a node's sidecar: heartbeat, probe the audit targets' JSON-RPC,
                                   report (the key is that of the node's sidecarAddress; defaults
                                   5000 ms between rounds, a chain still for 30 s counts as down)
        java -jar bhkr.jar simulate [--scenario NAME|FILE] [--days N] [--runs N] [--seed N] [--out DIR]
                                   [--sweep PATH=V1,V2,...] [--threads N]
                                   simulate the market on the production rules (scenarios: baseline,
                                   slashing-storm, new-entrants, second-price, s1, m1, or a HOCON file);
                                   writes CSV, PNG charts and DIR/index.html; simulate --help for more
        java -jar bhkr.jar simulate --benchmark [--providers N] [--projects N] [--days N]
                                   one large run; prints simulated events/s
        java -jar bhkr.jar bench signatures
                                   public-key recoveries/s per core with libsecp256k1 and BouncyCastle
        java -jar bhkr.jar bench api [--profile embedded|postgres] [--seconds N]
                                   signed writes/s and latency at 1, 16 and 64 clients against a node
                                   started on a fresh journal, beside the database's and CPU's limits
        java -jar bhkr.jar bench lifecycles [--profile embedded|postgres] [--seconds N] [--runs N] [--in-flight 16,128] [--bid-window 3]
                                   full project lifecycles/s through the signed API and in-process,
                                   journal events per lifecycle, beside the database's limits
        java -jar bhkr.jar bench entities [--profile embedded|postgres] [--entities N]
                                   heap per resident account at N/10 and N (default 100000) and the
                                   recovery of N/2 accounts after a restart
      Chain mode (options of run; without --chain-rpc the node runs chain-less):
          --chain-rpc URL          the Ethereum node's JSON-RPC endpoint
          --chain-contracts FILE   the addresses written by deploy
          --chain-dev-account N | --chain-key-file F   the bridge's sending key (or BHKR_CHAIN_KEY)
          --chain-confirmations N  blocks a deposit waits for (default 12)
        java -jar bhkr.jar --help
      Examples:
        java -jar bhkr.jar call GET /health
        java -jar bhkr.jar call --as 0 POST /api/v1/dev/deposits \\
            '{"account":"0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc","asset":"BHKR","amount":"1000"}'
      """;

  private Main() {}

  public static void main(String[] args) {
    CommonPool.size(); // before anything starts a future (CommonPool says why)
    // Exit explicitly: Akka, JDBC pools and the HTTP client may leave non-daemon threads behind.
    System.exit(execute(Arrays.asList(args)));
  }

  /** {@code bench signatures} or {@code bench api [--profile P] [--seconds N]}: figures printed, nothing asserted. */
  private static int bench(List<String> rest) {
    if (rest.equals(List.of("signatures"))) {
      io.bhkr.http.auth.SignatureBenchmark.run(1_000, 3, 3, System.out);
      return 0;
    }
    if (!rest.isEmpty() && io.bhkr.node.bench.PerformanceCommand.names(rest.get(0))) {
      try {
        return io.bhkr.node.bench.PerformanceCommand.run(rest, System.getenv(RunCommand.PASSWORD_VARIABLE), System.out);
      } catch (io.bhkr.node.bench.PerformanceCommand.Invalid e) {
        throw new UsageError(e.getMessage());
      } catch (Exception e) {
        throw new IllegalStateException("the benchmark failed: " + e.getMessage(), e);
      }
    }
    if (rest.isEmpty() || !rest.get(0).equals("api")) throw new UsageError("bench takes a benchmark: signatures, api, lifecycles or entities");
    io.bhkr.persistence.JournalProfile profile = io.bhkr.persistence.JournalProfile.EMBEDDED;
    int seconds = 10;
    for (int i = 1; i < rest.size(); i += 2) {
      if (i + 1 >= rest.size()) throw new UsageError(rest.get(i) + " needs a value");
      switch (rest.get(i)) {
        case "--profile" -> {
          try {
            profile = io.bhkr.persistence.JournalProfile.parse(rest.get(i + 1));
          } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
          }
        }
        case "--seconds" -> {
          try {
            seconds = Integer.parseInt(rest.get(i + 1));
          } catch (NumberFormatException e) {
            throw new UsageError("--seconds must be a whole number");
          }
          if (seconds < 1 || seconds > 600) throw new UsageError("--seconds must be from 1 to 600");
        }
        default -> throw new UsageError("unknown option " + rest.get(i) + " for bench api");
      }
    }
    String password = System.getenv(RunCommand.PASSWORD_VARIABLE);
    io.bhkr.persistence.JournalSettings base = io.bhkr.persistence.JournalSettings.defaults(java.nio.file.Path.of("data"))
        .withPostgres(io.bhkr.persistence.JournalSettings.DEFAULT_POSTGRES_URL, io.bhkr.persistence.JournalSettings.DEFAULT_POSTGRES_USER,
            password == null ? io.bhkr.persistence.JournalSettings.DEFAULT_POSTGRES_PASSWORD : password);
    try {
      io.bhkr.node.bench.ApiBenchmark.run(profile, base, seconds, System.out);
    } catch (Exception e) {
      throw new IllegalStateException("the benchmark failed: " + e.getMessage(), e);
    }
    return 0;
  }

  static int execute(List<String> args) {
    String first = args.isEmpty() ? "run" : args.get(0);
    List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
    try {
      switch (first) {
        case "run":
          return runNode(rest);
        case "call":
          CallCommand.Request request = CallCommand.request(rest);
          if (request == null) return help();
          return CallCommand.call(request, System.out, System.err);
        case "demo":
          return demo(rest);
        case "walkthrough":
          return walkthrough(rest);
        case "deploy":
          int deployed = ChainDeployCommand.deploy(rest, System.out, System.getenv(ChainMode.KEY_VARIABLE));
          return deployed < 0 ? help() : deployed;
        case "deploy-micropool":
          int pool = ChainDeployCommand.deployMicroPool(rest, System.out, System.getenv(ChainMode.KEY_VARIABLE));
          return pool < 0 ? help() : pool;
        case "sidecar":
          return SidecarCommand.run(SidecarCommand.settings(rest), System.out);
        case "audit":
          java.net.URI api = AuditCommand.api(rest);
          if (api == null) return help();
          return AuditCommand.audit(api, System.out, System.err);
        case "replay":
          return ReplayCommand.run(rest, System.out, System.err, System.getenv(RunCommand.PASSWORD_VARIABLE));
        case "accounts":
          if (!rest.isEmpty()) throw new UsageError("accounts takes no arguments");
          AccountsCommand.print(System.out);
          return 0;
        case "simulate":
          return io.bhkr.simulation.SimulateCommand.run(rest, System.out, System.err);
        case "bench":
          return bench(rest);
        case "help", "-h", "--help":
          return help();
        default:
          // No subcommand: the words are options of run, as in "java -jar bhkr.jar --http-port 9000".
          if (first.startsWith("--")) return runNode(args);
          throw new UsageError("unknown command '" + first + "' (expected run, demo, walkthrough, call, deploy, deploy-micropool, sidecar, audit, accounts, replay, simulate or bench)");
      }
    } catch (UsageError e) {
      System.err.println("bhkr: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      return 2;
    }
  }

  private static int runNode(List<String> words) {
    ChainMode.Split chain = ChainMode.split(words, System.getenv(ChainMode.KEY_VARIABLE));
    ClusterOptions.Split cluster = ClusterOptions.split(chain.rest());
    NodeOptions options = RunCommand.options(cluster.rest(), System.getenv(RunCommand.PASSWORD_VARIABLE));
    if (options == null) return help();
    // Each node would write its own H2 file: one entity, several journals. The embedded profile is one node.
    if (cluster.seedNodesGiven() && options.profile() == io.bhkr.persistence.JournalProfile.EMBEDDED)
      throw new UsageError("--seed-nodes needs a shared journal (--profile postgres); the embedded profile is a single node");
    return RunCommand.run(options, cluster.config().withFallback(chain.chain()), node -> true);
  }

  /** A node on a fresh data folder (unless one is given) that plays the worked example, then keeps serving. */
  private static int demo(List<String> words) {
    List<String> withData = new java.util.ArrayList<>(words);
    if (words.stream().noneMatch(w -> w.equals("--data-dir") || w.startsWith("--data-dir="))) {
      try {
        withData.addAll(List.of("--data-dir", java.nio.file.Files.createTempDirectory("bhkr-demo-").toString()));
      } catch (java.io.IOException e) {
        System.err.println("bhkr: cannot create a data folder for the demo: " + e.getMessage());
        return 1;
      }
    }
    NodeOptions options = RunCommand.options(withData, System.getenv(RunCommand.PASSWORD_VARIABLE));
    if (options == null) return help();
    return RunCommand.run(options, node -> {
      System.out.println("The whitepaper's worked example (economics vector S1), through the API of " + node.baseUrl() + ":");
      try {
        boolean reproduced = Walkthrough.run(node.baseUrl(), System.out).reproducedS1();
        if (reproduced) System.out.println("The node keeps serving on " + node.baseUrl() + "; stop it with Ctrl-C.");
        return reproduced;
      } catch (RuntimeException e) {
        System.err.println("bhkr: the walkthrough failed: " + e.getMessage());
        return false;
      }
    });
  }

  /** Plays the worked example against a running node. */
  private static int walkthrough(List<String> words) {
    CommandArguments args = new CommandArguments(words);
    String api = "http://127.0.0.1:8080";
    while (args.hasNext()) {
      if (!args.atOption()) throw new UsageError("unexpected argument '" + args.positional() + "'");
      CommandArguments.Option o = args.option(name -> name.equals("--api"));
      if (!o.name().equals("--api")) throw new UsageError("unknown option " + o.name() + " (walkthrough takes --api URL)");
      api = o.value();
    }
    try {
      return Walkthrough.run(api, System.out).reproducedS1() ? 0 : 1;
    } catch (RuntimeException e) {
      System.err.println("bhkr: the walkthrough failed: " + e.getMessage());
      return 1;
    }
  }

  private static int help() {
    System.out.print(USAGE);
    return 0;
  }
}
