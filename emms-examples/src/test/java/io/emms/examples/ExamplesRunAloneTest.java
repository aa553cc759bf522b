package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each example's {@code main} in a JVM of its own, as a user runs it: it prints its result and the JVM exits by
 * itself, which it cannot while a thread that is not a daemon is left running. The wait only bounds a hang.
 */
class ExamplesRunAloneTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "io.emms.examples.ReadSimulatedDlt645Meter | ACTIVE_ENERGY_IMPORT",
    "io.emms.examples.ReadProfiledModbusMeter  | FREQUENCY",
    "io.emms.examples.PollRegistersInPlace     | sum of holding registers 0..9: "
  })
  void exitsOnItsOwnAfterPrintingItsResult(String mainClass, String expected) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process run = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass))
        .redirectErrorStream(true)
        .start();
    boolean exited = run.waitFor(2, TimeUnit.MINUTES);
    if (!exited) {
      run.destroyForcibly();
    }
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as("the JVM exited by itself; output:%n%s", output).isTrue();
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains(expected).doesNotContain("Exception");
  }
}
