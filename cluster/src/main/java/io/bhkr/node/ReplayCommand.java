package io.bhkr.node;

import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import java.io.PrintStream;
import java.util.ArrayList;
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
                                 and run the conservation audit; exit 0 when all agree, 1 otherwise
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
        default -> throw new UsageError("unknown replay command '" + command + "' (expected verify)");
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
}
