package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command of the command line, found in picocli's model, answers --help with its usage and refuses an unknown option with exit 2. */
class CommandLineHelpTest {

  /** Every command's words, e.g. [replay, verify], from the model, so a new command is tested without a line here. */
  static Stream<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    collect(Bhkr.commandLine(), new ArrayList<>(), all);
    return all.stream();
  }

  private static void collect(CommandLine line, List<String> path, List<List<String>> all) {
    all.add(List.copyOf(path));
    line.getSubcommands().forEach((name, sub) -> {
      List<String> deeper = new ArrayList<>(path);
      deeper.add(name);
      collect(sub, deeper, all);
    });
  }

  record Run(int exit, String out, String err) {}

  private static Run run(List<String> words) {
    CommandLine line = Bhkr.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(words.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpPrintsThatCommandsUsageAndExits0(List<String> command) {
    List<String> words = new ArrayList<>(command);
    words.add("--help");
    Run run = run(words);
    String synopsis = "Usage: " + String.join(" ", Stream.concat(Stream.of("bhkr"), command.stream()).toList());
    assertAll(
        () -> assertEquals(0, run.exit(), run.err()),
        () -> assertTrue(run.out().contains(synopsis + " "), "has '" + synopsis + "':\n" + run.out()),
        () -> assertTrue(run.out().contains("--help"), run.out()));
  }

  /** All but picocli's own {@code help COMMAND}, which reads any word as the name of a command. */
  static Stream<List<String>> commandsWithOptions() {
    return commands().filter(c -> !c.equals(List.of("help")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsWithOptions")
  void anUnknownOptionExits2AndSaysWhich(List<String> command) {
    List<String> words = new ArrayList<>(command);
    words.add("--no-such-option");
    Run run = run(words);
    assertAll(
        () -> assertEquals(2, run.exit(), run.out() + run.err()),
        () -> assertTrue(run.err().startsWith("bhkr: Unknown option: '--no-such-option'"), run.err()),
        () -> assertTrue(run.err().contains("Usage: bhkr"), run.err()));
  }

  @org.junit.jupiter.api.Test
  void noCommandMeansRunAndCompletionCoversEveryCommand() {
    assertEquals(2, Main.execute(List.of("--http-port", "99999")), "a bad port of run, without the word run");
    Run completion = run(List.of("completion"));
    assertEquals(0, completion.exit());
    assertTrue(completion.out().contains("complete -F _complete_bhkr"), completion.out());
    commands().filter(c -> c.size() == 1).forEach(c -> assertTrue(completion.out().contains(c.get(0)), c.get(0)));
  }
}
