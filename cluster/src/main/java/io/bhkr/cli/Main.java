package io.bhkr.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar bhkr.jar}: the commands of {@link Bhkr}. Words that start with an option and
 * no command are run's, as in {@code java -jar bhkr.jar --http-port 9000}.
 */
public final class Main {

  private static final Set<String> HELP = Set.of("-h", "--help");

  private Main() {}

  public static void main(String[] args) {
    CommonPool.size(); // before anything starts a future (CommonPool says why)
    // Exit explicitly: Akka, JDBC pools and the HTTP client may leave non-daemon threads behind.
    System.exit(execute(Arrays.asList(args)));
  }

  static int execute(List<String> args) {
    return Bhkr.commandLine().execute(words(args));
  }

  /**
   * The same in-process, with the output of picocli and of the commands that write through it
   * ({@code chain}) to {@code out} and {@code err}: how tests elsewhere run the real command line.
   */
  public static int execute(List<String> args, java.io.PrintWriter out, java.io.PrintWriter err) {
    picocli.CommandLine line = Bhkr.commandLine();
    line.setOut(out);
    line.setErr(err);
    return line.execute(words(args));
  }

  private static String[] words(List<String> args) {
    List<String> words = new ArrayList<>(args);
    if (words.isEmpty() || words.get(0).startsWith("--") && !HELP.contains(words.get(0))) words.add(0, "run");
    return words.toArray(String[]::new);
  }
}
