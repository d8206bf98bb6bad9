package io.bhkr.cli;

import io.bhkr.replay.AnchoredRoots;
import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import io.bhkr.replay.export.Export;
import io.bhkr.replay.export.ExportQuery;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bhkr replay verify|export|state|what-if|benchmark|sql}: the researchers' tools over a
 * journal (docs/research.md), from the values picocli read (ToolCommands.Replay). The journal is
 * named as for {@code run}: {@code --data-dir} for a stopped node's embedded journal, or
 * {@code --profile postgres} and its connection options.
 */
final class ReplayCommand {

  private ReplayCommand() {}

  /** Runs a tool; a journal it cannot read is exit 1 with the reason, not a stack trace. */
  static int run(Supplier<Integer> tool, PrintStream err) {
    try {
      return tool.get();
    } catch (IllegalStateException e) {
      err.println("bhkr: " + e.getMessage());
      return 1;
    }
  }

  static JournalSource source(NodeOptions journal) {
    return new JournalSource(journal.profile(), journal.journal());
  }

  static int verify(JournalSource source, String chainRpc, PrintStream out, PrintStream err) {
    AnchoredRoots chain = chainRpc == null ? AnchoredRoots.none() : AnchoredRoots.over(chainRpc);
    Verification v = Replay.verify(source, chain, err);
    v.print(out);
    return v.ok() ? 0 : 1;
  }

  static int state(JournalSource source, Instant at, PrintStream out, PrintStream err) {
    if (at == null) throw new UsageError("replay state needs --at TIME");
    Replay.state(source, at, err).print(out);
    return 0;
  }

  /** {@code set} holds the NAME=VALUE of each --set, already split by {@link Setting}. */
  static int whatIf(JournalSource source, List<Map.Entry<String, String>> set, Instant from, Instant to, PrintStream out, PrintStream err) {
    if (set == null || set.isEmpty()) throw new UsageError("replay what-if needs at least one --set NAME=VALUE");
    Map<String, String> settings = new LinkedHashMap<>();
    set.forEach(s -> settings.put(s.getKey(), s.getValue()));
    long fromMillis = from == null ? Instant.EPOCH.toEpochMilli() : from.toEpochMilli();
    long toMillis = to == null ? Long.MAX_VALUE : to.toEpochMilli();
    try {
      Replay.whatIf(source, settings, fromMillis, toMillis, err).print(out);
    } catch (IllegalArgumentException badParameter) {
      throw new UsageError("--set: " + badParameter.getMessage());
    }
    return 0;
  }

  static int benchmark(NodeOptions options, long events, int runs, PrintStream out, PrintStream err) {
    io.bhkr.replay.ReplayBenchmark.run(options.profile(), options.journal(), events, runs, out, err);
    return 0;
  }

  static int export(JournalSource source, Path dir, EnumSet<Export.Format> formats, PrintStream out, PrintStream err) {
    if (dir == null) throw new UsageError("replay export needs --out DIR");
    Map<String, Long> rows = Export.run(source, dir, formats, err);
    rows.forEach((table, n) -> out.printf("%-22s %,d rows%n", table, n));
    out.println("written to " + dir.toAbsolutePath());
    return 0;
  }

  static int sql(Path dir, List<String> query, PrintStream out) {
    if (dir == null || query == null || query.size() != 1) throw new UsageError("replay sql needs --out DIR and one query in quotes");
    ExportQuery.run(dir, query.get(0), out);
    return 0;
  }

  /** --set NAME=VALUE: one governance parameter, as what-if changes it. */
  static final class Setting implements ITypeConverter<Map.Entry<String, String>> {
    @Override
    public Map.Entry<String, String> convert(String value) {
      String[] setting = value.split("=", 2);
      if (setting.length < 2 || setting[0].isBlank() || setting[1].isBlank())
        throw new TypeConversionException("takes NAME=VALUE, like --set rpBps=2000");
      return Map.entry(setting[0].trim(), setting[1].trim());
    }
  }

  /** --format parquet,csv: one or both of the export's formats. */
  static final class Formats implements ITypeConverter<EnumSet<Export.Format>> {
    @Override
    public EnumSet<Export.Format> convert(String list) {
      EnumSet<Export.Format> formats = EnumSet.noneOf(Export.Format.class);
      for (String f : list.split(",")) {
        try {
          formats.add(Export.Format.valueOf(f.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException("has an unknown format '" + f + "' (expected parquet, csv or both)");
        }
      }
      return formats;
    }
  }
}
