package io.bhkr.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The commands whose options picocli declares and whose meaning stays in their own classes
 * (CallCommand, AuditCommand, ReplayCommand, SimulateCommand, ChainDeployCommand, SidecarCommand):
 * each hands its matched words to them.
 */
final class ToolCommands {

  private ToolCommands() {}

  static final String API_HELP = "the node's API (default http://127.0.0.1:8080)";

  @Command(name = "call", description = {"send one request to a node, signed as development account N or by a key",
      "exit 0 for a 2xx answer"})
  static final class Call implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--api", paramLabel = "URL", description = API_HELP) String api;
    @Option(names = "--as", paramLabel = "N", description = "sign as development account N (bhkr accounts lists them)") String as;
    @Option(names = "--key", paramLabel = "0xPRIVATEKEY", description = "sign with this private key") String key;
    @Option(names = "--field", paramLabel = "NAME", description = {"print only this field of a 2xx answer (e.g. projectId, auction.seed),",
        "for a shell variable: P=$(bhkr call --field projectId POST …)"}) String field;
    @Parameters(arity = "0..3", paramLabel = "METHOD PATH [JSON-BODY]", description = "e.g. GET /health") List<String> request;

    @Override
    public Integer call() {
      return CallCommand.call(CallCommand.request(Words.of(spec)), System.out, System.err);
    }
  }

  @Command(name = "audit", description = {"print the conservation report of a running node, with its verdict",
      "exit 0 when every asset balances and no transfer was credited twice"})
  static final class Audit implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--api", paramLabel = "URL", description = API_HELP) String api;

    @Override
    public Integer call() {
      return AuditCommand.audit(AuditCommand.api(Words.of(spec)), System.out, System.err);
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
    @Spec CommandSpec spec;
    @Option(names = "--node-id", paramLabel = "ID", description = "the node's id (as registered)") String nodeId;
    @Option(names = "--key", paramLabel = "0xPRIVATEKEY", description = "the private key of the node's sidecarAddress") String key;
    @Option(names = "--as", paramLabel = "N", description = "or: development account N's key (a development market)") String as;
    @Option(names = "--api", paramLabel = "URL", description = API_HELP) String api;
    @Option(names = "--interval-ms", paramLabel = "N", description = "between rounds (default 5000)") String intervalMs;
    @Option(names = "--stall-seconds", paramLabel = "N", description = "a chain still for this long counts as down (default 30)") String stall;
    @Option(names = "--allow-private-targets", description = "probe targets on private and loopback addresses too (development)")
    boolean allowPrivate;

    @Override
    public Integer call() {
      return SidecarCommand.run(SidecarCommand.settings(Words.of(spec)), System.out);
    }
  }

  @Command(name = "simulate", sortOptions = false, description = {
      "simulate the market on the production rules (writes CSV, PNG charts and DIR/index.html)",
      "scenarios shipped: baseline, slashing-storm, new-entrants, second-price, s1, m1 (or a HOCON file);",
      "exit 1 if a run breaks conservation. With --benchmark: one run of a large market; prints simulated events/s"})
  static final class Simulate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "default baseline") String scenario;
    @Option(names = "--days", paramLabel = "N", description = "default the scenario's") String days;
    @Option(names = "--runs", paramLabel = "N", description = "default 1") String runs;
    @Option(names = "--seed", paramLabel = "N", description = "default 1") String seed;
    @Option(names = "--out", paramLabel = "DIR", description = "default simulation-out") String out;
    @Option(names = "--sweep", paramLabel = "PATH=V1,V2,...", description = "one run set per value of a scenario setting") String sweep;
    @Option(names = "--threads", paramLabel = "N", description = "default the number of cores") String threads;
    @Option(names = "--benchmark", description = "one large run instead; prints simulated events/s") boolean benchmark;
    @Option(names = "--providers", paramLabel = "N", description = "providers of the benchmark") String providers;
    @Option(names = "--projects", paramLabel = "N", description = "projects of the benchmark") String projects;

    @Override
    public Integer call() {
      return io.bhkr.simulation.SimulateCommand.run(Words.of(spec), System.out, System.err);
    }
  }

  @Command(name = "deploy", sortOptions = false, description = {"deploy the contracts to a chain and write their addresses to a file for run",
      "the key may also come from BHKR_CHAIN_KEY"})
  static final class Deploy implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--chain-rpc", paramLabel = "URL", description = "the chain's JSON-RPC endpoint") String rpc;
    @Mixin RunOptions.Key key;
    @Option(names = "--platform", paramLabel = "ADDR", description = "the vault's platform signer (default the deployer)") String platform;
    @Option(names = "--out", paramLabel = "FILE", description = "default contracts.json") String out;

    @Override
    public Integer call() {
      return ChainDeployCommand.deploy(Words.of(spec), System.out, System.getenv(ChainMode.KEY_VARIABLE));
    }
  }

  @Command(name = "deploy-micropool", sortOptions = false, description = {"deploy a provider's micro-pool contract (users' principal on chain)",
      "active at the validator stake less k; its platform is the vault's"})
  static final class DeployMicroPool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--chain-rpc", paramLabel = "URL", description = "the chain's JSON-RPC endpoint") String rpc;
    @Option(names = "--chain-contracts", paramLabel = "FILE", description = "the addresses written by deploy") String contracts;
    @Option(names = "--provider", paramLabel = "0xADDR", description = "the provider's address") String provider;
    @Option(names = "--ends-at", paramLabel = "UNIXSECONDS", description = "when the pool's term ends") String endsAt;
    @Option(names = "--fp", paramLabel = "BHKR_BASE_UNITS", description = "the provider's fixed price") String fp;
    @Option(names = "--k", paramLabel = "WEI", description = "the provider's own stake") String k;
    @Option(names = "--validator-stake", paramLabel = "WEI", description = "default 32 ETH") String validatorStake;
    @Mixin RunOptions.Key key;

    @Override
    public Integer call() {
      return ChainDeployCommand.deployMicroPool(Words.of(spec), System.out, System.getenv(ChainMode.KEY_VARIABLE));
    }
  }

  @Command(name = "bench", description = "benchmarks: figures printed, nothing asserted",
      subcommands = {Bench.Signatures.class, Bench.Api.class, Bench.Lifecycles.class, Bench.Entities.class})
  static final class Bench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      throw new UsageError("bench takes a benchmark: signatures, api, lifecycles or entities");
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
      @Option(names = "--profile", paramLabel = "embedded|postgres", description = "default embedded") String profile = "embedded";
      @Option(names = "--seconds", paramLabel = "N", description = "per client count, 1 to 600 (default 10)") int seconds = 10;

      @Override
      public Integer call() {
        io.bhkr.persistence.JournalProfile journal;
        try {
          journal = io.bhkr.persistence.JournalProfile.parse(profile);
        } catch (IllegalArgumentException e) {
          throw new UsageError(e.getMessage());
        }
        if (seconds < 1 || seconds > 600) throw new UsageError("--seconds must be from 1 to 600");
        String password = System.getenv(RunCommand.PASSWORD_VARIABLE);
        io.bhkr.persistence.JournalSettings base = io.bhkr.persistence.JournalSettings.defaults(java.nio.file.Path.of("data"))
            .withPostgres(io.bhkr.persistence.JournalSettings.DEFAULT_POSTGRES_URL, io.bhkr.persistence.JournalSettings.DEFAULT_POSTGRES_USER,
                password == null ? io.bhkr.persistence.JournalSettings.DEFAULT_POSTGRES_PASSWORD : password);
        try {
          io.bhkr.node.bench.ApiBenchmark.run(journal, base, seconds, System.out);
        } catch (Exception e) {
          throw new IllegalStateException("the benchmark failed: " + e.getMessage(), e);
        }
        return 0;
      }
    }
    @Command(name = "lifecycles", description = {"full project lifecycles/s through the signed API and in-process,",
        "journal events per lifecycle, beside the database's limits (docs/performance.md)"})
    static final class Lifecycles implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--profile", paramLabel = "embedded|postgres", description = "default embedded") String profile;
      @Option(names = "--seconds", paramLabel = "N", description = "per repetition") String seconds;
      @Option(names = "--runs", paramLabel = "N", description = "repetitions; the median is printed") String runs;
      @Option(names = "--in-flight", paramLabel = "16,128", description = "lifecycles in flight, one figure each") String inFlight;
      @Option(names = "--bid-window", paramLabel = "SECONDS", description = "the development bid window") String bidWindow;

      @Override
      public Integer call() {
        return performance("lifecycles", spec);
      }
    }

    @Command(name = "entities", description = {"heap per resident account at N/10 and N (default 100000) and the",
        "recovery of N/2 accounts after a restart (docs/performance.md)"})
    static final class Entities implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--profile", paramLabel = "embedded|postgres", description = "default embedded") String profile;
      @Option(names = "--entities", paramLabel = "N", description = "accounts to create (default 100000)") String entities;

      @Override
      public Integer call() {
        return performance("entities", spec);
      }
    }
  }

  /** {@code bench lifecycles} and {@code bench entities}: their words go to {@link io.bhkr.node.bench.PerformanceCommand}, which checks them. */
  static int performance(String benchmark, CommandSpec spec) {
    List<String> words = new java.util.ArrayList<>(List.of(benchmark));
    words.addAll(Words.of(spec));
    try {
      return io.bhkr.node.bench.PerformanceCommand.run(words, System.getenv(RunCommand.PASSWORD_VARIABLE), System.out);
    } catch (io.bhkr.node.bench.PerformanceCommand.Invalid e) {
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

    static int replay(CommandSpec spec) {
      List<String> words = new ArrayList<>();
      words.add(spec.name());
      words.addAll(Words.of(spec));
      return ReplayCommand.run(words, System.out, System.err, System.getenv(RunCommand.PASSWORD_VARIABLE));
    }

    @Command(name = "verify", sortOptions = false, description = {"re-derive every decision in the journal with the production rules",
        "and run the conservation audit; exit 0 when all agree, 1 otherwise"})
    static final class Verify implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--chain-rpc", paramLabel = "URL", description = "also check each payout epoch's root on its anchor") String rpc;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        return replay(spec);
      }
    }

    @Command(name = "state", sortOptions = false, description = "balances, pools, providers and governance parameters as they were at TIME")
    static final class State implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--at", paramLabel = "TIME", description = "ISO-8601 like 2026-12-02T18:58:49Z, or Unix seconds") String at;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        return replay(spec);
      }
    }

    @Command(name = "what-if", sortOptions = false, description = {"the window's auctions, settlements and distributions re-run with changed",
        "parameters: what each participant got and would have got"})
    static final class WhatIf implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--set", paramLabel = "NAME=VALUE", description = "rpBps, ipBps, priceBandBps, auctionPricing=SECOND_PRICE, rewardSplit.stakersBps, …")
      List<String> set;
      @Option(names = "--from", paramLabel = "TIME", description = "start of the window") String from;
      @Option(names = "--to", paramLabel = "TIME", description = "end of the window") String to;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        return replay(spec);
      }
    }

    @Command(name = "benchmark", sortOptions = false, description = {"build a journal of N events in a fresh embedded journal (or a fresh",
        "PostgreSQL database with --profile postgres) and print the rates of verify beside reading and decoding the same rows"})
    static final class Benchmark implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--events", paramLabel = "N", description = "default 1000000") String events;
      @Option(names = "--runs", paramLabel = "R", description = "median of R runs (default 3)") String runs;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        return replay(spec);
      }
    }

    @Command(name = "export", sortOptions = false, description = "write the journal as analysis-ready tables DIR/<table>.parquet and .csv")
    static final class Export implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--out", paramLabel = "DIR", description = "the folder to write") String out;
      @Option(names = "--format", paramLabel = "parquet,csv", description = "default both") String format;
      @Mixin RunOptions.Journal journal;

      @Override
      public Integer call() {
        return replay(spec);
      }
    }

    @Command(name = "sql", description = "run one DuckDB query over an export folder, its tables as views")
    static final class Sql implements Callable<Integer> {
      @Spec CommandSpec spec;
      @Option(names = "--out", paramLabel = "DIR", description = "the export folder") String out;
      @Parameters(paramLabel = "\"SELECT …\"", description = "the query") List<String> query;

      @Override
      public Integer call() {
        return replay(spec);
      }
    }
  }
}
