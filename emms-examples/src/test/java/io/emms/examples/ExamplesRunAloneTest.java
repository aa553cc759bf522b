package io.emms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's run command of each example, and each example's {@code main} in a JVM of its own, as a user runs
 * it: it prints its result and the JVM exits by itself, which it cannot while a thread that is not a daemon is left
 * running. The wait only bounds a hang.
 */
class ExamplesRunAloneTest {

  private static final Pattern RUN_COMMAND = Pattern.compile(
      "^\\./mvnw .*-pl emms-examples .*exec:java -Dexec\\.mainClass=(io\\.emms\\.examples\\.\\w+)"
          + "( -Dexec\\.args=.*)?$");

  /** The main classes the README's run commands name. */
  static Stream<String> documentedMainClasses() throws IOException {
    return runCommands().map(m -> m.group(1));
  }

  /**
   * The main classes that run with no arguments. Those that take a broker's address (the MQTT examples) are run
   * against a real broker by their own tests ({@code MqttExamplesTest}).
   */
  static Stream<String> selfContainedMainClasses() throws IOException {
    return runCommands().filter(m -> m.group(2) == null).map(m -> m.group(1));
  }

  private static Stream<Matcher> runCommands() throws IOException {
    return Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8).stream()
        .map(RUN_COMMAND::matcher)
        .filter(Matcher::matches);
  }

  @Test
  void everyExampleHasARunCommandInTheReadme() throws IOException {
    List<String> examples;
    try (Stream<Path> sources = Files.list(Path.of("src", "main", "java", "io", "emms", "examples"))) {
      examples = sources.filter(p -> contains(p, "public static void main("))
          .map(p -> "io.emms.examples." + p.getFileName().toString().replace(".java", ""))
          .toList();
    }
    assertThat(examples).isNotEmpty();
    assertThat(documentedMainClasses()).containsExactlyInAnyOrderElementsOf(examples);
  }

  @ParameterizedTest
  @MethodSource("selfContainedMainClasses")
  void exitsOnItsOwnAfterPrintingItsResult(String mainClass) throws Exception {
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
    assertThat(output).isNotBlank().doesNotContain("Exception");
  }

  private static boolean contains(Path source, String text) {
    try {
      return Files.readString(source).contains(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
