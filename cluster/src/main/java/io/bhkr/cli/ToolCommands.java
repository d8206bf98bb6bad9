package io.bhkr.cli;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.replay.JournalSource;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The tools' commands: picocli reads and checks their options into typed fields, and each hands
 * the values to the class that does the work (CallCommand, AuditCommand, ReplayCommand,
 * SimulateCommand, ChainDeployCommand, SidecarCommand, PerformanceCommand).
 */
final class ToolCommands {

  private ToolCommands() {}

  static final String API_HELP = "the node's API (default http://127.0.0.1:8080)";

  @Command(name = "call", description = {"send one request to a node, signed as development account N or by a key",
      "exit 0 for a 2xx answer"})
  static final class Call implements Callable<Integer> {
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = API_HELP)
    URI api = URI.create(CallCommand.DEFAULT_API);
    @Option(names = "--as", paramLabel = "N", converter = CallCommand.DevelopmentKey.class,
        description = "sign as development account N (bhkr accounts lists them)")
    Credentials as;
    @Option(names = "--key", paramLabel = "0xPRIVATEKEY", converter = CallCommand.PrivateKey.class, description = "sign with this private key")
    Credentials key;
    @Option(names = "--field", paramLabel = "NAME", converter = CallCommand.Field.class,
        description = {"print only this field of a 2xx answer (e.g. projectId, auction.seed),",
        "for a shell variable: P=$(bhkr call --field projectId POST …)"}) String field;
    @Parameters(arity = "0..3", paramLabel = "METHOD PATH [JSON-BODY]", description = "e.g. GET /health") List<String> words;

    CallCommand.Request request() {
      return CallCommand.request(api, as, key, field, words);
    }

    @Override
    public Integer call() {
      return CallCommand.call(request(), System.out, System.err);
    }
  }

  @Command(name = "audit", description = {"print the conservation report of a running node, with its verdict",
      "exit 0 when every asset balances and no transfer was credited twice"})
  static final class Audit implements Callable<Integer> {
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = API_HELP)
    URI api = URI.create(CallCommand.DEFAULT_API);

    @Override
    public Integer call() {
      return AuditCommand.audit(api, System.out, System.err);
    }
  }

  @Command(name = "accounts", description = "the development accounts 0-9 (or more) and their roles")
  static final class Accounts implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", description = "how many to list, 1 to " + AccountsCommand.MOST + " (default 10)")
    int count = AccountsCommand.SHOWN;

    @Override
    public Integer call() {
      if (count < 1 || count > AccountsCommand.MOST) throw new UsageError("--count takes 1 to " + AccountsCommand.MOST + ", not " + count);
      AccountsCommand.print(System.out, count);
      return 0;
    }
  }

  @Command(name = "sidecar", sortOptions = false, description = {"run a node's sidecar: heartbeat, probe the audit targets' JSON-RPC, report",
      "the key is that of the node's sidecarAddress"})
  static final class Sidecar implements Callable<Integer> {
    @Option(names = "--node-id", paramLabel = "ID", converter = SidecarCommand.NodeId.class, description = "the node's id (as registered)")
    String nodeId;
    @Option(names = "--key", paramLabel = "0xPRIVATEKEY", converter = CallCommand.PrivateKey.class,
        description = "the private key of the node's sidecarAddress")
    Credentials key;
    @Option(names = "--as", paramLabel = "N", converter = CallCommand.DevelopmentKey.class,
        description = "or: development account N's key (a development market)")
    Credentials as;
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = API_HELP)
    URI api = URI.create(CallCommand.DEFAULT_API);
    @Option(names = "--interval-ms", paramLabel = "N", converter = Converters.PositiveLong.class, description = "between rounds (default 5000)")
    long intervalMs = 5_000;
    @Option(names = "--stall-seconds", paramLabel = "N", converter = Converters.PositiveLong.class,
        description = "a chain still for this long counts as down (default 30)")
    long stallSeconds = 30;
    @Option(names = "--allow-private-targets", description = "probe targets on private and loopback addresses too (development)")
    boolean allowPrivate;

    io.bhkr.cli.sidecar.Sidecar.Settings settings() {
      return SidecarCommand.settings(api, key, as, nodeId, intervalMs, stallSeconds, allowPrivate);
    }

    @Override
    public Integer call() {
      return SidecarCommand.run(settings(), System.out);
    }
  }

  @Command(name = "simulate", sortOptions = false, description = {
      "simulate the market on the production rules (writes CSV, PNG charts and DIR/index.html)",
      "scenarios shipped: baseline, slashing-storm, new-entrants, second-price, s1, m1 (or a HOCON file);",
      "exit 1 if a run breaks conservation. With --benchmark: one run of a large market; prints simulated events/s"})
  static final class Simulate implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE", converter = Converters.NonBlank.class, description = "default baseline")
    String scenario = "baseline";
    @Option(names = "--days", paramLabel = "N", converter = Converters.Positive.class, description = "default the scenario's") Integer days;
    @Option(names = "--runs", paramLabel = "N", converter = Converters.Positive.class, description = "default 1") int runs = 1;
    @Option(names = "--seed", paramLabel = "N", description = "default 1") long seed = 1;
    @Option(names = "--out", paramLabel = "DIR", converter = Converters.PathName.class, description = "default simulation-out")
    Path out = Path.of("simulation-out");
    @Option(names = "--sweep", paramLabel = "PATH=V1,V2,...", converter = SweepValues.class,
        description = "one run set per value of a scenario setting")
    Sweep sweep = new Sweep("", List.of());
    @Option(names = "--threads", paramLabel = "N", converter = Converters.Positive.class, description = "default the number of cores")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--benchmark", description = "one large run instead; prints simulated events/s") boolean benchmark;
    @Option(names = "--providers", paramLabel = "N", converter = Converters.Positive.class, description = "providers of the benchmark (default 1000)")
    int providers = 1000;
    @Option(names = "--projects", paramLabel = "N", converter = Converters.Positive.class, description = "projects of the benchmark (default 20000)")
    int projects = 20_000;

    /** A scenario setting's path and the values to sweep it over; no path without a sweep. */
    record Sweep(String path, List<String> values) {}

    static final class SweepValues implements picocli.CommandLine.ITypeConverter<Sweep> {
      @Override
      public Sweep convert(String v) {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) throw new picocli.CommandLine.TypeConversionException("takes PATH=V1,V2,..., not '" + v + "'");
        return new Sweep(v.substring(0, eq), List.of(v.substring(eq + 1).split(",")));
      }
    }

    io.bhkr.simulation.SimulateCommand.Options options() {
      return new io.bhkr.simulation.SimulateCommand.Options(scenario, days, runs, seed, out, sweep.path(), sweep.values(), threads,
          benchmark, providers, projects);
    }

    @Override
    public Integer call() {
      return io.bhkr.simulation.SimulateCommand.run(options(), System.out, System.err);
    }
  }

  @Command(name = "deploy", sortOptions = false, description = {"deploy the contracts to a chain and write their addresses to a file for run",
      "the key may also come from BHKR_CHAIN_KEY"})
  static final class Deploy implements Callable<Integer> {
    @Option(names = "--chain-rpc", paramLabel = "URL", converter = Converters.NonBlank.class, description = "the chain's JSON-RPC endpoint")
    String rpc;
    @Mixin RunOptions.Key key;
    @Option(names = "--platform", paramLabel = "ADDR", converter = Converters.Address.class,
        description = "the vault's platform signer (default the deployer)")
    String platform;
    @Option(names = "--out", paramLabel = "FILE", converter = Converters.PathName.class, description = "default contracts.json")
    Path out = Path.of("contracts.json");

    int deploy(PrintStream printed, String keyFromEnvironment) {
      return ChainDeployCommand.deploy(rpc, key, platform, out, printed, keyFromEnvironment);
    }

    @Override
    public Integer call() {
      return deploy(System.out, System.getenv(ChainMode.KEY_VARIABLE));
    }
  }

  @Command(name = "deploy-micropool", sortOptions = false, description = {"deploy a provider's micro-pool contract (users' principal on chain)",
      "active at the validator stake less k; its platform is the vault's"})
  static final class DeployMicroPool implements Callable<Integer> {
    @Option(names = "--chain-rpc", paramLabel = "URL", converter = Converters.NonBlank.class, description = "the chain's JSON-RPC endpoint")
    String rpc;
    @Option(names = "--chain-contracts", paramLabel = "FILE", converter = Converters.PathName.class, description = "the addresses written by deploy")
    Path contracts;
    @Option(names = "--provider", paramLabel = "0xADDR", converter = Converters.Address.class, description = "the provider's address")
    String provider;
    @Option(names = "--ends-at", paramLabel = "UNIXSECONDS", converter = Converters.UnixSeconds.class, description = "when the pool's term ends")
    Long endsAt;
    @Option(names = "--fp", paramLabel = "BHKR_BASE_UNITS", converter = Converters.WholeNumber.class, description = "the provider's fixed price")
    BigInteger fp;
    @Option(names = "--k", paramLabel = "WEI", converter = Converters.WholeNumber.class, description = "the provider's own stake")
    BigInteger k;
    @Option(names = "--validator-stake", paramLabel = "WEI", converter = Converters.WholeNumber.class, description = "default 32 ETH")
    BigInteger validatorStake = ChainDeployCommand.VALIDATOR_STAKE;
    @Mixin RunOptions.Key key;

    int deploy(PrintStream printed, String keyFromEnvironment) {
      return ChainDeployCommand.deployMicroPool(rpc, contracts, key, provider, endsAt, fp, k, validatorStake, printed, keyFromEnvironment);
    }

    @Override
    public Integer call() {
      return deploy(System.out, System.getenv(ChainMode.KEY_VARIABLE));
    }
  }

  @Command(name = "bench", description = "benchmarks: figures printed, nothing asserted",
      subcommands = {Bench.All.class, Bench.Signatures.class, Bench.Api.class, Bench.Lifecycles.class, Bench.Entities.class})
  static final class Bench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new UsageError("bench takes a benchmark: all, signatures, api, lifecycles or entities");
    }

    /** The journal a benchmark runs on: every one but signatures takes it. */
    static final class BenchProfile {
      @Option(names = "--profile", paramLabel = "embedded|postgres", converter = Converters.Profile.class, description = "default embedded")
      JournalProfile profile = JournalProfile.EMBEDDED;
    }

    @Command(name = "all", description = {"every benchmark in turn (api, lifecycles, entities, replay), each beside",
        "the limits of this machine measured in its own run (docs/performance.md)"})
    static final class All implements Callable<Integer> {
      @Mixin BenchProfile bench;
      @Option(names = "--seconds", paramLabel = "N", description = "per measured load, 1 to 600 (default 10)") int seconds = 10;
      @Option(names = "--entities", paramLabel = "N", description = "accounts of bench entities, 20 to 10000000 (default 100000)")
      int entities = 100_000;

      @Override
      public Integer call() {
        return performance(() -> io.bhkr.cli.bench.PerformanceCommand.all(bench.profile,
            io.bhkr.cli.bench.PerformanceCommand.Sizes.defaults(seconds, entities), System.getenv(RunCommand.PASSWORD_VARIABLE),
            System.out, System.err));
      }
    }

    @Command(name = "signatures", description = "public-key recoveries/s per core with libsecp256k1 and BouncyCastle")
    static final class Signatures implements Callable<Integer> {
      @Override
      public Integer call() {
        io.bhkr.http.auth.SignatureBenchmark.run(1_000, 3, 3, System.out);
        return 0;
      }
    }

    @Command(name = "api", description = {"signed writes/s and latency at 1, 16 and 64 clients against a node",
        "started on a fresh journal, beside the database's and CPU's limits"})
    static final class Api implements Callable<Integer> {
      @Mixin BenchProfile bench;
      @Option(names = "--seconds", paramLabel = "N", description = "per client count, 1 to 600 (default 10)") int seconds = 10;

      @Override
      public Integer call() {
        return performance(() -> io.bhkr.cli.bench.PerformanceCommand.api(bench.profile, seconds, System.getenv(RunCommand.PASSWORD_VARIABLE),
            System.out));
      }
    }

    @Command(name = "lifecycles", description = {"full project lifecycles/s through the signed API and in-process,",
        "journal events per lifecycle, beside the database's limits (docs/performance.md)"})
    static final class Lifecycles implements Callable<Integer> {
      @Mixin BenchProfile bench;
      @Option(names = "--seconds", paramLabel = "N", description = "per repetition, 1 to 600 (default 10)") int seconds = 10;
      @Option(names = "--runs", paramLabel = "N", description = "repetitions, 1 to 20 (default 3); the median is printed") int runs = 3;
      @Option(names = "--in-flight", paramLabel = "16,128", split = ",", description = "lifecycles in flight, one figure each (1 to 2000)")
      int[] inFlight = {16, 128};
      @Option(names = "--bid-window", paramLabel = "SECONDS", description = "the development bid window, 1 to 60 (default 3)")
      int bidWindow = 3; // the development genesis's (application.conf)

      @Override
      public Integer call() {
        return performance(() -> io.bhkr.cli.bench.PerformanceCommand.lifecycles(bench.profile, seconds, runs, inFlight, bidWindow,
            System.getenv(RunCommand.PASSWORD_VARIABLE), System.out));
      }
    }

    @Command(name = "entities", description = {"heap per resident account at N/10 and N (default 100000) and the",
        "recovery of N/2 accounts after a restart (docs/performance.md)"})
    static final class Entities implements Callable<Integer> {
      @Mixin BenchProfile bench;
      @Option(names = "--entities", paramLabel = "N", description = "accounts to create, 20 to 10000000 (default 100000)")
      int entities = 100_000;

      @Override
      public Integer call() {
        return performance(() -> io.bhkr.cli.bench.PerformanceCommand.entities(bench.profile, entities,
            System.getenv(RunCommand.PASSWORD_VARIABLE), System.out));
      }
    }
  }

  /** {@code bench all}, {@code api}, {@code lifecycles} and {@code entities}: a range they refuse is a usage error (exit 2), a failure exit 1. */
  static int performance(Callable<Integer> benchmark) {
    try {
      return benchmark.call();
    } catch (io.bhkr.cli.bench.PerformanceCommand.Invalid e) {
      throw new UsageError(e.getMessage());
    } catch (Exception e) {
      throw new IllegalStateException("the benchmark failed: " + e.getMessage(), e);
    }
  }

  /** {@code replay}: researchers' tools over a journal; each subcommand hands its words to {@link ReplayCommand}. */
  @Command(name = "replay", description = {"researchers' tools over a journal (docs/research.md)",
      "verify re-derives every decision with the production rules; export writes its tables as Parquet and CSV; sql queries them"},
      subcommands = {Replay.Verify.class, Replay.State.class, Replay.WhatIf.class, Replay.Benchmark.class, Replay.Export.class, Replay.Sql.class})
  static final class Replay implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }

    /** The journal's settings (run's options, without its node) and the password from the environment unless given. */
    static NodeOptions journal(RunOptions.Journal journal) {
      return RunOptions.nodeOptions(new RunOptions.Node(), journal, System.getenv(RunCommand.PASSWORD_VARIABLE));
    }

    @Command(name = "verify", sortOptions = false, description = {"re-derive every decision in the journal with the production rules",
        "and run the conservation audit; exit 0 when all agree, 1 otherwise"})
    static final class Verify implements Callable<Integer> {
      @Option(names = "--chain-rpc", paramLabel = "URL", converter = Converters.NonBlank.class,
          description = "also check each payout epoch's root on its anchor")
      String rpc;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        JournalSource source = ReplayCommand.source(journal(journal));
        return ReplayCommand.run(() -> ReplayCommand.verify(source, rpc, System.out, System.err), System.err);
      }
    }

    @Command(name = "state", sortOptions = false, description = "balances, pools, providers and governance parameters as they were at TIME")
    static final class State implements Callable<Integer> {
      @Option(names = "--at", paramLabel = "TIME", converter = Converters.Time.class,
          description = "ISO-8601 like 2026-12-02T18:58:49Z, or Unix seconds")
      Instant at;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        JournalSource source = ReplayCommand.source(journal(journal));
        return ReplayCommand.run(() -> ReplayCommand.state(source, at, System.out, System.err), System.err);
      }
    }

    @Command(name = "what-if", sortOptions = false, description = {"the window's auctions, settlements and distributions re-run with changed",
        "parameters: what each participant got and would have got"})
    static final class WhatIf implements Callable<Integer> {
      @Option(names = "--set", paramLabel = "NAME=VALUE", converter = ReplayCommand.Setting.class,
          description = "rpBps, ipBps, priceBandBps, auctionPricing=SECOND_PRICE, rewardSplit.stakersBps, …")
      List<Map.Entry<String, String>> set;
      @Option(names = "--from", paramLabel = "TIME", converter = Converters.Time.class, description = "start of the window") Instant from;
      @Option(names = "--to", paramLabel = "TIME", converter = Converters.Time.class, description = "end of the window") Instant to;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        JournalSource source = ReplayCommand.source(journal(journal));
        return ReplayCommand.run(() -> ReplayCommand.whatIf(source, set, from, to, System.out, System.err), System.err);
      }
    }

    @Command(name = "benchmark", sortOptions = false, description = {"build a journal of N events in a fresh embedded journal (or a fresh",
        "PostgreSQL database with --profile postgres) and print the rates of verify beside reading and decoding the same rows"})
    static final class Benchmark implements Callable<Integer> {
      @Option(names = "--events", paramLabel = "N", converter = Converters.PositiveLong.class, description = "default 1000000")
      long events = 1_000_000;
      @Option(names = "--runs", paramLabel = "R", converter = Converters.Positive.class, description = "median of R runs (default 3)")
      int runs = 3;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        NodeOptions options = journal(journal);
        return ReplayCommand.run(() -> ReplayCommand.benchmark(options, events, runs, System.out, System.err), System.err);
      }
    }

    @Command(name = "export", sortOptions = false, description = "write the journal as analysis-ready tables DIR/<table>.parquet and .csv")
    static final class Export implements Callable<Integer> {
      @Option(names = "--out", paramLabel = "DIR", converter = Converters.PathName.class, description = "the folder to write") Path out;
      @Option(names = "--format", paramLabel = "parquet,csv", converter = ReplayCommand.Formats.class, description = "default both")
      EnumSet<io.bhkr.replay.export.Export.Format> format = EnumSet.allOf(io.bhkr.replay.export.Export.Format.class);
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        JournalSource source = ReplayCommand.source(journal(journal));
        return ReplayCommand.run(() -> ReplayCommand.export(source, out, format, System.out, System.err), System.err);
      }
    }

    @Command(name = "sql", description = "run one DuckDB query over an export folder, its tables as views")
    static final class Sql implements Callable<Integer> {
      @Option(names = "--out", paramLabel = "DIR", converter = Converters.PathName.class, description = "the export folder") Path out;
      @Parameters(paramLabel = "\"SELECT …\"", description = "the query") List<String> query;

      @Override
      public Integer call() {
        return ReplayCommand.run(() -> ReplayCommand.sql(out, query, System.out), System.err);
      }
    }
  }
}
