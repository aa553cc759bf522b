package io.emms.cli.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.cli.EmmsCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emms poll} in a JVM of its own, stopped by a signal (SIGTERM, as Ctrl-C's SIGINT): it ends cleanly. */
class PollStopTest {

  @Test
  void aSignalEndsPollingWithTheSummary(@TempDir Path dir) throws Exception {
    try (Simulators simulators = new Simulators()) {
      int port = simulators.start("simulate", "dlt645", "--tcp", "0");
      Path err = dir.resolve("stderr.txt");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process poll = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
          EmmsCli.class.getName(), "poll", "--line", "tcp://127.0.0.1:" + port, "--meter", "dlt645-2007:000102030425",
          "--quantity", "ACTIVE_ENERGY_IMPORT", "--interval", "200ms"))
          .redirectError(err.toFile())
          .start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(poll.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).as("a first reading").contains("\"meter\":\"dlt645-2007:000102030425\"");

        poll.destroy();

        assertThat(poll.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(poll.exitValue()).as("killed by SIGTERM, after the shutdown hook ran").isEqualTo(143);
        assertThat(Files.readString(err)).contains("line line (tcp:127.0.0.1:" + port + "): requests ")
            .contains("meter dlt645-2007:000102030425 (line line): polls ");
      } finally {
        poll.destroyForcibly();
      }
    }
  }
}
