package io.bhkr.node;

import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import io.bhkr.replay.export.Export;
import io.bhkr.replay.export.ExportQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.ArrayList;
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
                                 and run the conservation audit; exit 0 when all agree, 1 otherwise
        export --out DIR [--format parquet,csv]
                                 write the journal as analysis-ready tables DIR/<table>.parquet and .csv
        sql --out DIR "SELECT …"  run one DuckDB query over an export folder, its tables as views
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
        case "export" -> export(source, rest, out, err);
        case "sql" -> sql(rest, positional, out);
        default -> throw new UsageError("unknown replay command '" + command + "' (expected verify, export or sql)");
      };
    } catch (IllegalStateException e) {
      err.println("bhkr: " + e.getMessage());
      return 1;
    }
  }

  private static int verify(JournalSource source, List<String> options, PrintStream out, PrintStream err) {
    if (!options.isEmpty()) throw new UsageError("unknown option " + options.get(0).split("=")[0] + " for replay verify");
    Verification v = Replay.verify(source, err);
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
