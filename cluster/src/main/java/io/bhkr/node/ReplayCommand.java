package io.bhkr.node;

import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * {@code bhkr replay verify|export|state|what-if}: the researchers' tools over a journal
 * (docs/research.md). The journal is named as for {@code run}: {@code --data-dir} for a stopped
 * node's embedded journal, or {@code --profile postgres} and its connection options.
 */
final class ReplayCommand {

  static final String USAGE = """
      Usage: java -jar bhkr.jar replay COMMAND [journal options] [options]
        verify                   re-derive every decision in the journal with the production rules
                                 and run the conservation audit; exit 0 when all agree, 1 otherwise;
                                 --chain-rpc URL also checks each payout epoch's root on its anchor
        state --at TIME          balances, pools, providers and governance parameters as they were at
                                 TIME (ISO-8601 like 2026-12-02T18:58:49Z, or Unix seconds)
        what-if --set NAME=VALUE [--set …] [--from TIME] [--to TIME]
                                 the window's auctions, settlements and distributions re-run with changed
                                 parameters (rpBps, ipBps, priceBandBps, auctionPricing=SECOND_PRICE,
                                 rewardSplit.stakersBps, …): what each participant got and would have got
        benchmark [--events N] [--runs R]
                                 build a journal of N events (default 1000000) in a fresh embedded journal,
                                 or a fresh PostgreSQL database with --profile postgres, and print the
                                 rates of verify beside reading and decoding the same rows (median of R, default 3)
      Journal options (as for run):
        --data-dir DIR           a stopped node's embedded journal (default ./data)
        --profile postgres       a PostgreSQL journal instead, with --postgres-url URL, --postgres-user U,
                                 --postgres-password P (read while its nodes run, too)
      """;

  private static final Set<String> JOURNAL_OPTIONS = Set.of("--data-dir", "--profile", "--postgres-url", "--postgres-user",
      "--postgres-password");

  private ReplayCommand() {}

  static int run(List<String> words, PrintStream out, PrintStream err, String passwordFromEnvironment) {
    if (words.isEmpty() || words.get(0).equals("--help") || words.get(0).equals("help")) {
      out.print(USAGE);
      return 0;
    }
    String command = words.get(0);
    List<String> journal = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    CommandArguments args = new CommandArguments(words.subList(1, words.size()));
    while (args.hasNext()) {
      if (!args.atOption()) throw new UsageError("unexpected argument '" + args.positional() + "'");
      CommandArguments.Option o = args.option(name -> !name.equals("--help"));
      if (o.name().equals("--help")) {
        out.print(USAGE);
        return 0;
      }
      (JOURNAL_OPTIONS.contains(o.name()) ? journal : rest).add(o.name() + "=" + o.value());
    }
    NodeOptions options = RunCommand.options(journal, passwordFromEnvironment);
    JournalSource source = new JournalSource(options.profile(), options.journal());
    try {
      return switch (command) {
        case "verify" -> verify(source, rest, out, err);
        case "state" -> state(source, rest, out, err);
        case "what-if" -> whatIf(source, rest, out, err);
        case "benchmark" -> benchmark(options, rest, out);
        default -> throw new UsageError("unknown replay command '" + command + "' (expected verify, state, what-if or benchmark)");
      };
    } catch (IllegalStateException e) {
      err.println("bhkr: " + e.getMessage());
      return 1;
    }
  }

  private static int state(JournalSource source, List<String> options, PrintStream out, PrintStream err) {
    Instant at = null;
    for (String o : options) {
      String[] nv = o.split("=", 2);
      if (!nv[0].equals("--at")) throw new UsageError("unknown option " + nv[0] + " for replay state (it takes --at TIME)");
      at = time(nv[0], nv[1]);
    }
    if (at == null) throw new UsageError("replay state needs --at TIME");
    Replay.state(source, at, err).print(out);
    return 0;
  }

  private static int whatIf(JournalSource source, List<String> options, PrintStream out, PrintStream err) {
    Map<String, String> settings = new LinkedHashMap<>();
    Instant from = Instant.EPOCH;
    Instant to = Instant.ofEpochMilli(Long.MAX_VALUE);
    for (String o : options) {
      String[] nv = o.split("=", 2);
      switch (nv[0]) {
        case "--set" -> {
          String[] setting = nv[1].split("=", 2);
          if (setting.length < 2 || setting[0].isBlank() || setting[1].isBlank())
            throw new UsageError("--set takes NAME=VALUE, like --set rpBps=2000");
          settings.put(setting[0].trim(), setting[1].trim());
        }
        case "--from" -> from = time(nv[0], nv[1]);
        case "--to" -> to = time(nv[0], nv[1]);
        default -> throw new UsageError("unknown option " + nv[0] + " for replay what-if");
      }
    }
    if (settings.isEmpty()) throw new UsageError("replay what-if needs at least one --set NAME=VALUE");
    try {
      Replay.whatIf(source, settings, from.toEpochMilli(), to.toEpochMilli(), err).print(out);
    } catch (IllegalArgumentException badParameter) {
      throw new UsageError("--set: " + badParameter.getMessage());
    }
    return 0;
  }

  private static int benchmark(NodeOptions options, List<String> rest, PrintStream out) {
    long events = 1_000_000;
    int runs = 3;
    for (String o : rest) {
      String[] nv = o.split("=", 2);
      try {
        switch (nv[0]) {
          case "--events" -> events = Long.parseLong(nv[1]);
          case "--runs" -> runs = Integer.parseInt(nv[1]);
          default -> throw new UsageError("unknown option " + nv[0] + " for replay benchmark");
        }
      } catch (NumberFormatException e) {
        throw new UsageError(nv[0] + " takes a whole number, not '" + nv[1] + "'");
      }
    }
    if (events < 1 || runs < 1) throw new UsageError("--events and --runs must be at least 1");
    io.bhkr.replay.ReplayBenchmark.run(options.profile(), options.journal(), events, runs, out);
    return 0;
  }

  /** An instant as ISO-8601 (2026-12-02T18:58:49Z) or Unix seconds. */
  static Instant time(String option, String value) {
    try {
      return value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
    } catch (RuntimeException e) {
      throw new UsageError(option + " takes a time as 2026-12-02T18:58:49Z or Unix seconds, not '" + value + "'");
    }
  }

  private static int verify(JournalSource source, List<String> options, PrintStream out, PrintStream err) {
    io.bhkr.replay.AnchoredRoots chain = io.bhkr.replay.AnchoredRoots.none();
    for (String o : options) {
      String[] nv = o.split("=", 2);
      if (!nv[0].equals("--chain-rpc")) throw new UsageError("unknown option " + nv[0] + " for replay verify (it takes --chain-rpc URL)");
      chain = io.bhkr.replay.AnchoredRoots.over(nv[1]);
    }
    Verification v = Replay.verify(source, chain, err);
    v.print(out);
    return v.ok() ? 0 : 1;
  }
}
