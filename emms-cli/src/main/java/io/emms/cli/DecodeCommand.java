package io.emms.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emms.cli.command.BadInputException;
import io.emms.cli.command.ExitCode;
import io.emms.cli.output.FrameDescriber;
import io.emms.cli.output.HexInput;
import io.emms.cli.output.JsonOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code emms decode}: frames as hex in, one JSON object per frame out. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes protocol frames given as hex and prints one JSON object per frame.",
      "Each HEX argument is one frame (quote it when it has spaces); bytes typed without quotes form one frame.",
      "With no HEX, reads one frame per line from standard input. Exit code 2 when any input is not a frame",
      "or has a wrong checksum (such a frame is still described, with its checksum verdict false)."
    })
final class DecodeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--protocol", required = true, description = "dlt645, modbus-rtu or modbus-tcp")
  String protocol;

  @Option(names = "--edition", description = "DL/T 645 edition: 1997 or 2007 (default: recognised from the control code)")
  String edition;

  @Option(names = "--direction", description = "Modbus: request or response (default: response for modbus-rtu/-tcp when it parses as one)")
  String direction;

  @Parameters(arity = "0..*", paramLabel = "HEX", description = "frames in hex")
  List<String> hex = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    FrameDescriber describer = ProtocolDescribers.forProtocol(protocol, edition, direction);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> frames = hex.isEmpty() ? stdinLines() : HexInput.frames(hex);
    int bad = 0;
    for (String frame : frames) {
      try {
        ObjectNode description = describer.describe(HexInput.parse(frame));
        out.println(JsonOutput.line(description));
        if (checksumFailed(description)) {
          err.println("emms decode: wrong checksum in " + frame.strip());
          bad++;
        }
      } catch (BadInputException e) {
        err.println("emms decode: " + e.getMessage());
        bad++;
      }
    }
    out.flush();
    return bad == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
  }

  /** Whether the description's checksum verdict (CRC for RTU, LRC for ASCII, CS for DL/T 645) is false. */
  private static boolean checksumFailed(ObjectNode description) {
    for (String verdict : List.of("crcOk", "lrcOk", "checksumOk")) {
      if (description.has(verdict) && !description.get(verdict).asBoolean()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> stdinLines() throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
