package io.bhkr.node;

import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import io.bhkr.replay.export.Export;
import io.bhkr.replay.export.ExportQuery;
import java.io.PrintStream;
import java.time.Instant;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        export --out DIR [--format parquet,csv]
                                 write the journal as analysis-ready tables DIR/<table>.parquet and .csv
        sql --out DIR "SELECT …"  run one DuckDB query over an export folder, its tables as views
      Journal options (as for run):
        --data-dir DIR           a stopped node's embedded journal (default ./data)
        --profile postgres       a PostgreSQL journal instead, with --postgres-url URL, --postgres-user U,
                                 --postgres-password P (read while its nodes run, too)
        --profile cassandra      a Cassandra journal, with --cassandra-contact-points H:P,…,
                                 --cassandra-keyspace K, --cassandra-datacenter DC (read while its nodes
                                 run, too; ordered by write time, held in memory)
      """;

  private static final Set<String> JOURNAL_OPTIONS = java.util.stream.Stream.concat(
      Set.of("--data-dir", "--profile", "--postgres-url", "--postgres-user", "--postgres-password").stream(),
      CassandraOptions.WITH_VALUE.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private ReplayCommand() {}

  static int run(List<String> words, PrintStream out, PrintStream err, String passwordFromEnvironment) {
    if (words.isEmpty() || words.get(0).equals("--help") || words.get(0).equals("help")) {
      out.print(USAGE);
      return 0;
    }
    String command = words.get(0);
    List<String> journal = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    CommandArguments args = new CommandArguments(words.subList(1, words.size()));
    while (args.hasNext()) {
      if (!args.atOption()) {
        // only sql takes a word that is not an option: its query
        if (!command.equals("sql")) throw new UsageError("unexpected argument '" + args.positional() + "'");
        positional.add(args.positional());
        continue;
      }
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
        case "export" -> export(source, rest, out, err);
        case "sql" -> sql(rest, positional, out);
        default -> throw new UsageError("unknown replay command '" + command + "' (expected verify, state, what-if, export, sql or benchmark)");
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

  private static int export(JournalSource source, List<String> options, PrintStream out, PrintStream err) {
    Path dir = null;
    EnumSet<Export.Format> formats = EnumSet.allOf(Export.Format.class);
    for (String o : options) {
      String name = o.substring(0, o.indexOf('=')), value = o.substring(o.indexOf('=') + 1);
      switch (name) {
        case "--out" -> dir = Path.of(value);
        case "--format" -> formats = formats(value);
        default -> throw new UsageError("unknown option " + name + " for replay export");
      }
    }
    if (dir == null) throw new UsageError("replay export needs --out DIR");
    Map<String, Long> rows = Export.run(source, dir, formats, err);
    rows.forEach((table, n) -> out.printf("%-22s %,d rows%n", table, n));
    out.println("written to " + dir.toAbsolutePath());
    return 0;
  }

  private static EnumSet<Export.Format> formats(String list) {
    EnumSet<Export.Format> formats = EnumSet.noneOf(Export.Format.class);
    for (String f : list.split(",")) {
      try {
        formats.add(Export.Format.valueOf(f.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new UsageError("unknown format '" + f + "' (expected parquet, csv or both)");
      }
    }
    return formats;
  }

  private static int sql(List<String> options, List<String> query, PrintStream out) {
    Path dir = null;
    for (String o : options) {
      if (!o.startsWith("--out=")) throw new UsageError("unknown option " + o.split("=")[0] + " for replay sql");
      dir = Path.of(o.substring("--out=".length()));
    }
    if (dir == null || query.size() != 1) throw new UsageError("replay sql needs --out DIR and one query in quotes");
    ExportQuery.run(dir, query.get(0), out);
    return 0;
  }
}
