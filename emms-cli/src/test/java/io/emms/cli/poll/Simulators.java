package io.emms.cli.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.cli.EmmsCli;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code emms simulate ...} commands running in threads on ephemeral loopback ports, stopped by interrupt. */
final class Simulators implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("on tcp:127\\.0\\.0\\.1:(\\d+)");

  private final List<Thread> running = new ArrayList<>();

  /** Starts {@code emms simulate ARGS} and returns the port it listens on. */
  int start(String... args) throws Exception {
    PipedWriter out = new PipedWriter();
    BufferedReader lines = new BufferedReader(new PipedReader(out));
    CommandLine cli = EmmsCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    Thread t = new Thread(() -> cli.execute(args), "simulator");
    t.start();
    running.add(t);
    Matcher m = PORT.matcher(lines.readLine());
    assertThat(m.find()).as("the simulator says where it listens").isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Override
  public void close() throws InterruptedException {
    for (Thread t : running) {
      t.interrupt();
      t.join(10_000);
    }
  }
}
