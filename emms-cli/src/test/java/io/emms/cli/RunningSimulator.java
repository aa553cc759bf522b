package io.emms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** An {@code emms simulate ...} command running in-process on port 0, stopped by {@link #close()}. */
public final class RunningSimulator implements AutoCloseable {

  private final Thread thread;
  private final String firstLine;
  private final String target;

  private RunningSimulator(Thread thread, String firstLine, String target) {
    this.thread = thread;
    this.firstLine = firstLine;
    this.target = target;
  }

  /** Starts the command (its arguments must ask for {@code --tcp 0}) and waits for its first line. */
  public static RunningSimulator start(String... args) throws Exception {
    PipedWriter out = new PipedWriter();
    BufferedReader lines = new BufferedReader(new PipedReader(out));
    CommandLine cli = EmmsCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    Thread thread = new Thread(() -> cli.execute(args), "simulate");
    thread.start();
    String first = lines.readLine();
    Matcher m = Pattern.compile("on tcp:127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(first));
    assertThat(m.find()).as("the simulator says where it listens: " + first).isTrue();
    return new RunningSimulator(thread, first, "127.0.0.1:" + m.group(1));
  }

  /** What the simulator printed first, e.g. {@code simulating ... on tcp:127.0.0.1:PORT}. */
  public String firstLine() {
    return firstLine;
  }

  /** {@code 127.0.0.1:PORT}, as {@code --tcp} takes it. */
  public String target() {
    return target;
  }

  public int port() {
    return Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(10_000);
    assertThat(thread.isAlive()).as("the simulator stopped").isFalse();
  }
}
