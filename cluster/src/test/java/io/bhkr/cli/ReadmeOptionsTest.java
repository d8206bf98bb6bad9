package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

/** The README's table of run's options names exactly the options run --help lists. */
class ReadmeOptionsTest {

  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

  @Test
  void theReadmeTableListsEveryOptionOfRunAndNoOther() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int table = readme.indexOf("| option | what it does |");
    assertFalse(table < 0, "README has no option table");
    Set<String> documented = new TreeSet<>();
    for (String row : readme.substring(table).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
      Matcher m = OPTION.matcher(row.split("\\|")[1]);
      while (m.find()) documented.add(m.group());
    }
    Set<String> declared = new TreeSet<>();
    for (OptionSpec o : Bhkr.commandLine().getSubcommands().get("run").getCommandSpec().options())
      if (!o.usageHelp() && !o.versionHelp()) declared.add(o.longestName());
    assertEquals(declared, documented, "README's option table against run --help");
  }
}
