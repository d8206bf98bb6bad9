package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The real command line in tests: {@link #parsed} reads words into the command they name, with its
 * typed fields, without running it; {@link #refused} runs words that must be refused (exit 2,
 * {@code bhkr: <why>} and the usage on standard error).
 */
final class CommandLines {

  private CommandLines() {}

  record Run(int exit, String out, String err) {}

  /** The command object the words select (e.g. a {@code NodeCommands.Run}), its options set. */
  static <T> T parsed(Class<T> type, String... words) {
    CommandLine.ParseResult result = Bhkr.commandLine().parseArgs(words);
    while (result.hasSubcommand()) result = result.subcommand();
    return type.cast(result.commandSpec().userObject());
  }

  static Run run(List<String> words) {
    CommandLine line = Bhkr.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return new Run(line.execute(words.toArray(String[]::new)), out.toString(), err.toString());
  }

  /** Runs a command line that must be refused before anything starts; answers the reason (the line after "bhkr: "). */
  static String refused(List<String> words) {
    Run run = run(words);
    String firstLine = run.err().lines().findFirst().orElse("");
    assertAll(words.toString(),
        () -> assertEquals(2, run.exit(), run.out() + run.err()),
        () -> assertTrue(firstLine.startsWith("bhkr: "), run.err()),
        () -> assertTrue(run.err().contains("Usage: bhkr"), run.err()));
    return firstLine.substring("bhkr: ".length());
  }

  static String refused(String... words) {
    return refused(List.of(words));
  }
}
