package io.emms.cli;

import io.emms.cli.poll.PollCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code emms} command-line tool. */
@Command(
    name = "emms",
    mixinStandardHelpOptions = true,
    versionProvider = EmmsCli.Version.class,
    description = "Electric Meter Management SDK: decode frames, simulate, read and poll meters, analyse series.",
    subcommands = {DecodeCommand.class, SimulateCommand.class, ReadCommand.class, PollCommand.class, AnalyzeCommand.class})
public final class EmmsCli {

  /** Exit code for input that is not what the command expects (a bad frame, a bad CSV line). */
  public static final int EXIT_BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new EmmsCli());
    cli.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("emms: " + ex.getMessage() + " (see --help)");
      return EXIT_BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      if (ex instanceof BadInputException) {
        cmd.getErr().println("emms: " + ex.getMessage());
        return EXIT_BAD_INPUT;
      }
      throw ex;
    });
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = EmmsCli.class.getPackage().getImplementationVersion();
      return new String[] {"emms " + (v == null ? "development build" : v)};
    }
  }
}
