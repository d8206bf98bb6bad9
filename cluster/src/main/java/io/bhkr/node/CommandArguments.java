package io.bhkr.node;

import java.util.List;
import java.util.function.Predicate;

/**
 * The words of one subcommand's command line, read left to right: options as {@code --name value}
 * or {@code --name=value}, everything else positional.
 */
final class CommandArguments {

  /** One option as the user wrote it; {@code value} is null for a flag. */
  record Option(String name, String value) {}

  private final List<String> words;
  private int next;

  CommandArguments(List<String> words) {
    this.words = List.copyOf(words);
  }

  boolean hasNext() {
    return next < words.size();
  }

  /** Whether the next word is an option ({@code --x}); a lone "-" or a JSON body is not. */
  boolean atOption() {
    return hasNext() && words.get(next).startsWith("--") && words.get(next).length() > 2;
  }

  String positional() {
    return words.get(next++);
  }

  /** Reads an option; {@code takesValue} decides whether the following word is its value. */
  Option option(Predicate<String> takesValue) {
    String word = words.get(next++);
    int eq = word.indexOf('=');
    String name = eq < 0 ? word : word.substring(0, eq);
    if (!takesValue.test(name)) {
      if (eq >= 0) throw new UsageError(name + " takes no value");
      return new Option(name, null);
    }
    if (eq >= 0) return new Option(name, word.substring(eq + 1));
    if (!hasNext()) throw new UsageError(name + " needs a value");
    return new Option(name, words.get(next++));
  }

  static int port(Option option) {
    try {
      int port = Integer.parseInt(option.value());
      if (port >= 0 && port <= 65535) return port;
    } catch (NumberFormatException e) {
      // falls through to the same message as an out-of-range number
    }
    throw new UsageError(option.name() + " must be a port number 0..65535, not '" + option.value() + "'");
  }
}
