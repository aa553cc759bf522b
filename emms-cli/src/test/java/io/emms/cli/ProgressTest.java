package io.emms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.cli.command.Progress;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Progress on stderr for long work: shown on a terminal (a pseudo-terminal made by {@code script}), never when
 * stderr is a pipe, never with {@code --quiet}. Each run is the CLI's own main in a JVM of its own.
 */
class ProgressTest {

  private static final String SEARCHING = "emms: analyze arma: searching orders (stepwise, aicc) on 98 rows";
  private static final Path LAKE_HURON = Path.of("src", "test", "resources", "analyze", "lakehuron.csv");

  private static List<String> emms(String... args) {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), EmmsCli.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static String[] armaAuto(String... more) {
    List<String> args = new ArrayList<>(List.of("analyze", "arma", "--input", LAKE_HURON.toAbsolutePath().toString(),
        "--order", "auto", "--max-p", "2", "--max-q", "2"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Runs the command under {@code script}, whose pseudo-terminal is the command's stdout and stderr. */
  private static String onATerminal(List<String> command) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script (util-linux) is not installed");
    String line = String.join(" ", command.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    Process p = new ProcessBuilder("/usr/bin/script", "-qec", line, "/dev/null").redirectErrorStream(true).start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void aTerminalSeesWhatTheCommandIsDoingAndTheLineIsClearedAfterwards() throws Exception {
    String output = onATerminal(emms(armaAuto()));
    assertThat(output).contains("\r" + SEARCHING).contains("\"order\":[1,0,1]");
    assertThat(output.indexOf(SEARCHING)).as("progress comes before the result").isLessThan(output.indexOf("{\"order\""));
  }

  @Test
  void quietSilencesItEvenOnATerminal() throws Exception {
    String output = onATerminal(emms(armaAuto("--quiet")));
    assertThat(output).doesNotContain("searching").contains("\"order\":[1,0,1]");
  }

  @Test
  void aPipeSeesNoProgress() throws Exception {
    Process p = new ProcessBuilder(emms(armaAuto())).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).isEmpty();
    assertThat(out).startsWith("{\"order\":[1,0,1]");
  }
}
