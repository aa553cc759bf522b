package io.emms.cli.dtu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.EmmsCli;
import io.emms.cli.output.JsonOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code emms poll --dtu-listen} against {@code emms simulate dtu}: both in this JVM, over loopback. */
class DtuPollCommandTest {

  private static final Pattern LISTENING = Pattern.compile("listening for \\S+ DTUs on tcp:127\\.0\\.0\\.1:(\\d+)");

  /** A command run on its own thread; its stderr lines are queued as they come. */
  private static final class Running {
    final StringWriter out = new StringWriter();
    final LinkedBlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    final StringBuilder err = new StringBuilder();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    final Thread thread;

    Running(String... args) throws IOException {
      PipedWriter errPipe = new PipedWriter();
      BufferedReader errReader = new BufferedReader(new PipedReader(errPipe, 1 << 16));
      CommandLine cli = EmmsCli.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(errPipe, true));
      Thread drain = new Thread(() -> {
        try {
          for (String line = errReader.readLine(); line != null; line = errReader.readLine()) {
            synchronized (err) {
              err.append(line).append('\n');
            }
            errLines.add(line);
          }
        } catch (IOException ended) {
          // the command's thread ended and closed the pipe
        }
      });
      drain.setDaemon(true);
      drain.start();
      thread = new Thread(() -> {
        try {
          exit.complete(cli.execute(args));
        } finally {
          try {
            errPipe.close();
          } catch (IOException ignored) {
            // nothing more to read
          }
        }
      });
      thread.start();
    }

    int port() throws InterruptedException {
      while (true) {
        String line = errLines.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("a 'listening' line on stderr").isNotNull();
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  private static List<JsonNode> readings(String out) throws IOException {
    List<JsonNode> readings = new ArrayList<>();
    for (String line : out.strip().split("\\R")) {
      if (!line.isBlank()) {
        readings.add(JsonOutput.mapper().readTree(line));
      }
    }
    return readings;
  }

  @Test
  void pollsDlt645AndModbusMetersMixedBehindOneSimulatedDtu() throws Exception {
    Running poll = new Running("poll", "--dtu-listen", "127.0.0.1:0", "--line", "dtu://DTU-7",
        "--meter", "dlt645-2007:000000000001", "--meter", "modbus:1:sdm120", "--timeout", "3s", "--once");
    int port = poll.port();
    Running dtu = new Running("simulate", "dtu", "--connect", "127.0.0.1:" + port, "--id", "DTU-7",
        "--heartbeat", "1s", "--meter", "dlt645-2007:000000000001", "--meter", "modbus:1:sdm120");
    try {
      int exit = poll.exit.get(60, TimeUnit.SECONDS);
      String out = poll.out.toString();
      assertThat(exit).as(out + poll.err).isZero();
      List<JsonNode> readings = readings(out);
      assertThat(readings).extracting(r -> r.get("meter").asText())
          .contains("dlt645-2007:000000000001", "modbus:1:sdm120");
      assertThat(readings).allSatisfy(r -> assertThat(r.get("quality").asText()).isEqualTo("VALID"));
    } finally {
      dtu.stop();
      poll.stop();
    }
  }

  @Test
  void aFleetFileListensForItsDtuLines(@TempDir Path dir) throws Exception {
    Path fleet = dir.resolve("fleet.yaml");
    Files.writeString(fleet, String.join("\n",
        "dtu:",
        "  listen: 127.0.0.1:0",
        "  framing: fastbee-7e",
        "  heartbeat: 10s",
        "lines:",
        "  - id: cellular",
        "    link: dtu://A1B2C3D4E5F6",
        "    meters:",
        "      - id: revenue",
        "        protocol: dlt645-2007",
        "        address: 000000000001",
        ""));
    Running poll = new Running("poll", "--fleet", fleet.toString(), "--once");
    Running dtu = new Running("simulate", "dtu", "--connect", "127.0.0.1:" + poll.port(), "--id", "A1B2C3D4E5F6",
        "--framing", "fastbee-7e", "--meter", "dlt645-2007:000000000001");
    try {
      int exit = poll.exit.get(60, TimeUnit.SECONDS);
      assertThat(exit).as(poll.out + "" + poll.err).isZero();
      assertThat(readings(poll.out.toString())).isNotEmpty()
          .allSatisfy(r -> assertThat(r.get("meter").asText()).isEqualTo("revenue"));
    } finally {
      dtu.stop();
      poll.stop();
    }
  }

  @Test
  void aDtuThatNeverDialsInLeavesItsReadingsUnanswered() throws Exception {
    Running poll = new Running("poll", "--dtu-listen", "127.0.0.1:0", "--line", "dtu://ABSENT",
        "--meter", "dlt645-2007:000000000001", "--timeout", "200ms", "--once");
    try {
      assertThat(poll.exit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
      synchronized (poll.err) {
        assertThat(poll.err.toString()).contains("dtu://ABSENT");
      }
    } finally {
      poll.stop();
    }
  }
}
