package io.bhkr.node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The words picocli matched for one command, written back as {@code --name value} (flags as
 * {@code --name}) followed by the positional words in their order: the input of the commands'
 * own validators, which give each value's meaning, default and error message.
 */
final class Words {

  private Words() {}

  static List<String> of(CommandSpec spec) {
    ParseResult result = spec.commandLine().getParseResult();
    List<String> words = new ArrayList<>();
    for (OptionSpec o : new LinkedHashSet<>(result.matchedOptions())) {
      if (o.usageHelp() || o.versionHelp()) continue;
      if (o.arity().max() == 0) {
        words.add(o.longestName());
        continue;
      }
      for (String value : o.originalStringValues()) {
        words.add(o.longestName());
        words.add(value);
      }
    }
    for (PositionalParamSpec p : new LinkedHashSet<>(result.matchedPositionals())) words.addAll(p.originalStringValues());
    return words;
  }
}
