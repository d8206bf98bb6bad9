package io.bhkr.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line of {@code bhkr.jar} as picocli reads it: every command has {@code --help}
 * (exit 0), a wrong command line prints {@code bhkr: <why>} and that command's usage and exits 2,
 * like most Unix tools; {@code completion} prints a bash completion script.
 */
@Command(name = "bhkr",
    description = {"A BHKR node and the tools around it. With no command, the options are run's:",
        "  java -jar bhkr.jar --http-port 9000   is   java -jar bhkr.jar run --http-port 9000"},
    subcommands = {
        NodeCommands.Run.class, NodeCommands.Demo.class, NodeCommands.WalkthroughCommand.class,
        ToolCommands.Call.class, ToolCommands.Audit.class, ToolCommands.Accounts.class,
        StatusCommand.class, ListingCommands.Projects.class, ListingCommands.Providers.class,
        ToolCommands.Replay.class, ToolCommands.Simulate.class,
        ToolCommands.Deploy.class, ToolCommands.DeployMicroPool.class, ChainCommands.class,
        ToolCommands.Sidecar.class, ToolCommands.Bench.class, Bhkr.Completion.class, CommandLine.HelpCommand.class},
    footer = {"", "Every command takes --help. Examples:",
        "  java -jar bhkr.jar call GET /health",
        "  java -jar bhkr.jar call --as 0 POST /api/v1/dev/deposits \\",
        "      '{\"account\":\"0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc\",\"asset\":\"BHKR\",\"amount\":\"1000\"}'",
        "  java -jar bhkr.jar status"})
final class Bhkr implements Runnable {

  @CommandLine.Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The whole command line, with --help on every command and our exit codes. */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Bhkr());
    line.setUsageHelpWidth(120);
    // as the hand-written parsers did and most Unix tools do: an option given twice, the last one counts
    line.setOverwrittenOptionsAllowed(true);
    addHelp(line);
    line.setParameterExceptionHandler((e, args) -> refuse(e.getCommandLine(), message(e)));
    line.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof UsageError) return refuse(command, e.getMessage());
      throw e;
    });
    return line;
  }

  /**
   * A value our converters refused reads as {@code --http-port must be a port number 0..65535, not '99999'}:
   * the option's name, then the converter's message (picocli's own wording is longer and says less).
   */
  static String message(CommandLine.ParameterException e) {
    if (!(e.getCause() instanceof CommandLine.TypeConversionException why) || e.getArgSpec() == null) return e.getMessage();
    String name = e.getArgSpec() instanceof OptionSpec o ? o.longestName() : e.getArgSpec().paramLabel();
    return name + " " + why.getMessage();
  }

  private static int refuse(CommandLine command, String why) {
    PrintWriter err = command.getErr();
    err.println("bhkr: " + why);
    err.println();
    command.usage(err);
    err.flush();
    return 2;
  }

  private static void addHelp(CommandLine line) {
    if (line.getCommandSpec().optionsMap().get("--help") == null)
      line.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("print this usage and exit").build());
    line.getSubcommands().values().forEach(Bhkr::addHelp);
  }

  /** {@code completion}: the bash completion script of every command and option. */
  @Command(name = "completion", description = {"print a bash completion script for the command bhkr",
      "  java -jar cluster/target/bhkr.jar completion > bhkr_completion",
      "  alias bhkr='java -jar cluster/target/bhkr.jar'; source bhkr_completion"})
  static final class Completion implements Runnable {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().getOut().print(picocli.AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
      spec.commandLine().getOut().flush();
    }
  }
}
