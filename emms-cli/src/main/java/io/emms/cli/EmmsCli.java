package io.emms.cli;

import io.emms.cli.command.CommandFailure;
import io.emms.cli.command.ExitCode;
import io.emms.cli.command.InheritedOptions;
import io.emms.cli.mqtt.MqttCommand;
import io.emms.cli.nbiot.NbiotCommand;
import io.emms.cli.poll.PollCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code emms} command-line tool. */
@Command(
    name = "emms",
    mixinStandardHelpOptions = true,
    versionProvider = EmmsCli.Version.class,
    description = "Electric Meter Management SDK: decode frames, simulate, read and poll meters, analyse series.",
    subcommands = {
      DecodeCommand.class, SimulateCommand.class, ReadCommand.class, PollCommand.class, MqttCommand.class,
      NbiotCommand.class, AnalyzeCommand.class
    })
public final class EmmsCli {

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "on failure, print the stack trace after the one-line message")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "no progress messages on stderr (they appear only when stderr is a terminal)")
  boolean quiet;

  public static void main(String[] args) {
    quietLibraryLogs(args);
    System.exit(commandLine().execute(args));
  }

  /**
   * The libraries log through slf4j-simple to stderr, where the CLI's own one-line messages go: only their warnings
   * and errors show, unless the user asked for {@code --verbose} (then emms logs at debug, the rest at info). A level
   * set with {@code -D} wins.
   */
  private static void quietLibraryLogs(String[] args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    setUnlessGiven("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    if (verbose) {
      setUnlessGiven("org.slf4j.simpleLogger.log.io.emms", "debug");
    }
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new EmmsCli());
    cli.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("emms: " + ex.getMessage() + " (see --help)");
      return ExitCode.BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      CommandFailure failure = new CommandFailure(ex);
      PrintWriter err = cmd.getErr();
      err.println("emms: " + failure.message());
      if (InheritedOptions.given(parseResult, "--verbose")) {
        failure.failure().printStackTrace(err);
      }
      err.flush();
      return failure.exitCode();
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
