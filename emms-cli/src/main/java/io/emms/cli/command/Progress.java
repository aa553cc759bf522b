package io.emms.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A one-line note on stderr of what a long command is doing, refreshed each second with the time it has taken so
 * far, and cleared when the work ends. Shown only when stderr is a terminal, so pipes, files and scripts see
 * nothing, and never with {@code --quiet}.
 */
public final class Progress implements AutoCloseable {

  private static final Progress SILENT = new Progress(null);

  private final PrintWriter err;
  private final ScheduledExecutorService ticker;
  private String activity = "";
  private long startedNanos;
  private int width;

  private Progress(PrintWriter err) {
    this.err = err;
    this.ticker = err == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "emms-progress");
      t.setDaemon(true);
      return t;
    });
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    }
  }

  /** Progress for a command: on its stderr if that is a terminal and the user did not ask for quiet. */
  public static Progress of(CommandSpec command) {
    boolean quiet = InheritedOptions.given(command.root().commandLine().getParseResult(), "--quiet");
    return quiet || !stderrIsTerminal() ? SILENT : new Progress(command.commandLine().getErr());
  }

  /** Says what the command is doing now; the elapsed time starts again. */
  public synchronized void show(String activity) {
    if (err != null) {
      this.activity = activity;
      this.startedNanos = System.nanoTime();
      redraw();
    }
  }

  private synchronized void redraw() {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    String line = "emms: " + activity + (seconds > 0 ? " (" + seconds + " s)" : "");
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  /** Clears the line, so that what follows on the terminal starts clean. */
  @Override
  public synchronized void close() {
    if (err != null) {
      ticker.shutdownNow();
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
    }
  }

  /**
   * Whether file descriptor 2 is a terminal. Java offers {@code System.console()} only for stdin and stdout
   * together; on Linux the descriptor's link names the device.
   */
  static boolean stderrIsTerminal() {
    try {
      String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
