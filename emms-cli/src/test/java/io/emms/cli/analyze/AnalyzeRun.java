package io.emms.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Runs {@code emms analyze …} in-process and reads its one JSON line. */
final class AnalyzeRun {

  private AnalyzeRun() {}

  /** Runs a command that must succeed and returns its JSON output. */
  static JsonNode json(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.outLines()).hasSize(1);
    try {
      return JsonOutput.mapper().readTree(run.out());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command that must fail with exit code 2 and returns its single stderr line. */
  static String badInput(String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    String[] lines = run.err().strip().split("\\R");
    assertThat(lines).hasSize(1);
    return lines[0];
  }

  /** The path of a file under src/test/resources/analyze. */
  static String resource(String name) {
    try {
      return Path.of(AnalyzeRun.class.getResource("/analyze/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).doubleValue();
    }
    return out;
  }
}
