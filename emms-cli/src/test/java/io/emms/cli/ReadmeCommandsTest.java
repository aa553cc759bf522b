package io.emms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.command.ExitCode;
import io.emms.cli.output.JsonOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java -jar emms-cli/target/emms.jar ...} line of the README's first command block, run as shown, in
 * order (the later blocks hold listeners and pollers that run until stopped, tested by their own tests): the simulators
 * on a free port instead of the documented one (and the reads pointed at it), the serial reads against a port
 * that is not there, where they must fail only for want of the device.
 */
class ReadmeCommandsTest {

  private static final String JAR = "java -jar emms-cli/target/emms.jar ";
  private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  static List<String> readmeCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        if (!inBlock && !commands.isEmpty()) {
          break; // the first block of commands: the ones that end by themselves
        }
      } else if (inBlock && line.startsWith(JAR)) {
        commands.add(line.substring(JAR.length()));
      }
    }
    return commands;
  }

  @Test
  void everyReadmeCommandRunsAsShown() throws Exception {
    List<String> commands = readmeCommands();
    assertThat(commands).as("the README shows decode, simulate and read").hasSizeGreaterThanOrEqualTo(8);
    Map<String, RunningSimulator> simulators = new HashMap<>();
    try {
      for (String command : commands) {
        List<String> args = words(command);
        if (args.get(0).equals("simulate")) {
          String documentedPort = args.get(args.indexOf("--tcp") + 1);
          args.set(args.indexOf("--tcp") + 1, "0");
          simulators.put(documentedPort, RunningSimulator.start(args.toArray(String[]::new)));
        } else {
          check(command, CliRun.of(pointedAt(simulators, args)));
        }
      }
    } finally {
      for (RunningSimulator simulator : simulators.values()) {
        simulator.close();
      }
    }
    assertThat(simulators).as("both simulators ran").hasSize(2);
  }

  private static void check(String command, CliRun run) throws IOException {
    if (command.contains("--serial ")) {
      assertThat(run.exitCode()).as(command + "\n" + run.err()).isEqualTo(ExitCode.LINK_FAILED);
      assertThat(run.err()).as(command).startsWith("emms: serial:/dev/ttyUSB0");
      return;
    }
    assertThat(run.exitCode()).as(command + "\n" + run.err()).isZero();
    assertThat(run.outLines()).as(command).isNotEmpty();
    if (command.startsWith("read dlt645")) {
      JsonNode json = JsonOutput.mapper().readTree(run.outLines()[0]);
      assertThat(json.get("zone").asText()).isEqualTo("Asia/Shanghai");
      JsonNode energy = json.get("readings").get(0).get("values").get(0);
      assertThat(energy.get("value").decimalValue()).as("plausible demo energy").isGreaterThan(new BigDecimal("1000"));
    }
  }

  /** The arguments with a documented loopback port replaced by the port its simulator really listens on. */
  private static String[] pointedAt(Map<String, RunningSimulator> simulators, List<String> args) {
    return args.stream().map(arg -> {
      Matcher m = LOOPBACK_PORT.matcher(arg);
      return m.matches() && simulators.containsKey(m.group(1)) ? simulators.get(m.group(1)).target() : arg;
    }).toArray(String[]::new);
  }

  /** Splits a command line as a POSIX shell does for these lines: on spaces, keeping "double quoted" words. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return words;
  }
}
