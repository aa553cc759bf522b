package io.emms.cli.poll;

import io.emms.bus.Counters;
import io.emms.bus.fleet.Fleet;
import io.emms.bus.fleet.FleetFile;
import io.emms.bus.fleet.FleetLine;
import io.emms.bus.fleet.FleetPoller;
import io.emms.bus.fleet.FleetSummary;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.bus.fleet.Scheduling;
import io.emms.cli.BadInputException;
import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.LinkProviders;
import io.emms.core.link.LinkUriException;
import io.emms.core.reading.Quantity;
import io.emms.core.time.DurationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emms poll}: polls a fleet (a file, or one line and its meters from the command line) and prints one
 * reading per line; a summary per line and per meter goes to stderr at the end. Exit code 0 when every reading
 * has a value, 1 when some were refused or unanswered, 2 when the command cannot run.
 */
@Command(
    name = "poll",
    mixinStandardHelpOptions = true,
    description = {
        "Polls meters on their intervals and prints one reading per line (ndjson or csv); a per-line and",
        "per-meter summary goes to stderr. Ctrl-C ends it cleanly.",
        "Exit code: 0 every reading has a value, 1 some were refused or unanswered, 2 cannot run."})
public final class PollCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--fleet", paramLabel = "FILE", description = "a fleet file (YAML; see docs/fleet.md)")
    Path fleet;

    @ArgGroup(exclusive = false)
    OneLine line;
  }

  static final class OneLine {
    @Option(names = "--line", required = true, paramLabel = "URI",
        description = "a link URI: serial:/dev/ttyUSB0?baud=2400, tcp://HOST:PORT, rtu-over-tcp://..., udp://...")
    String uri;

    @Option(names = "--meter", required = true, paramLabel = "SPEC",
        description = "dlt645-2007:ADDRESS, dlt645-1997:ADDRESS or modbus:UNIT:PROFILE; repeat for several")
    List<String> meters;

    @Option(names = "--quantity", paramLabel = "QUANTITY",
        description = "read these (such as ACTIVE_ENERGY_IMPORT, VOLTAGE.A) instead of each protocol's defaults")
    List<String> quantities = List.of();

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "10s",
        description = "poll interval of every meter (default ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1s",
        description = "response timeout (default ${DEFAULT-VALUE})")
    String timeout;
  }

  @ArgGroup(exclusive = true)
  HowLong howLong;

  static final class HowLong {
    @Option(names = "--once", description = "read every meter once, then stop")
    boolean once;

    @Option(names = "--for", paramLabel = "DURATION", description = "poll for this long (such as 30s, 15m), then stop")
    String duration;
  }

  @Option(names = "--format", defaultValue = "ndjson", paramLabel = "FORMAT",
      description = "ndjson (one object per reading: meter, quantity, value, unit, quality, time) or csv")
  String format;

  @Option(names = "--trace", description = "print every frame sent (>) and received (<) on stderr, in hex")
  boolean trace;

  @Override
  public Integer call() {
    Fleet fleet = source.fleet != null ? readFleet(source.fleet) : oneLine(source.line);
    ReadingFormat readingFormat = readingFormat(format);
    Duration runFor = howLong == null || howLong.duration == null ? null : duration("--for", howLong.duration);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StopSignal stop = StopSignal.install();
    try {
      FleetSummary summary = poll(fleet, new PollOutput(out, err, readingFormat), runFor, stop);
      out.flush();
      printSummary(summary, err);
      return summary.allRead() ? 0 : 1;
    } finally {
      out.flush();
      stop.finished();
    }
  }

  private FleetSummary poll(Fleet fleet, PollOutput output, Duration runFor, StopSignal stop) {
    try (FleetPoller poller = FleetPoller.open(fleet, output, trace)) {
      if (poller.summary().lines().stream().noneMatch(FleetSummary.LineSummary::open)) {
        throw new BadInputException("no line could be opened");
      }
      if (howLong != null && howLong.once) {
        stop.awaitOr(poller.pollOnce());
      } else {
        poller.start();
        stop.awaitOr(runFor == null ? new CompletableFuture<>() : stop.after(runFor));
      }
      poller.close();
      return poller.summary();
    }
  }

  private static Fleet readFleet(Path file) {
    try {
      return FleetFile.read(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("no fleet file " + file);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** The file-less form: one half-duplex line (pipelined where every protocol can) and its meters. */
  private static Fleet oneLine(OneLine line) {
    Duration interval = duration("--interval", line.interval);
    Duration timeout = duration("--timeout", line.timeout);
    List<Quantity> quantities = new ArrayList<>();
    for (String q : line.quantities) {
      try {
        quantities.add(Quantity.parse(q));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--quantity: " + e.getMessage(), e);
      }
    }
    List<MeterEndpoint> meters = new ArrayList<>();
    for (String spec : line.meters) {
      try {
        meters.add(MeterEndpoint.parse(spec, quantities, interval));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--meter " + spec + ": " + e.getMessage(), e);
      }
    }
    try {
      ConfiguredLink link = LinkProviders.create(line.uri);
      boolean pipelines = meters.stream().allMatch(m -> m.meterProtocol().pipelines(link));
      Scheduling scheduling = pipelines ? Scheduling.PIPELINED : Scheduling.HALF_DUPLEX;
      return new Fleet(List.of(new FleetLine("line", line.uri, scheduling,
          pipelines ? FleetFile.DEFAULT_MAX_IN_FLIGHT : 1, Duration.ZERO, timeout, FleetFile.DEFAULT_RETRIES,
          FleetFile.DEFAULT_QUEUE_SIZE, meters)));
    } catch (LinkUriException e) {
      throw new BadInputException("--line: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private static Duration duration(String option, String text) {
    try {
      Duration d = DurationText.parse(text);
      if (!d.isZero()) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option + ": " + e.getMessage(), e);
    }
    throw new BadInputException(option + " must be positive, not " + text);
  }

  private static ReadingFormat readingFormat(String name) {
    try {
      return ReadingFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--format must be ndjson or csv, not \"" + name + "\"");
    }
  }

  private static void printSummary(FleetSummary summary, PrintWriter err) {
    for (FleetSummary.LineSummary line : summary.lines()) {
      err.println("line " + line.id() + " (" + line.link() + "): " + counters(line.counters()));
    }
    for (FleetSummary.MeterSummary m : summary.meters()) {
      err.println("meter " + m.id() + " (line " + m.line() + "): polls " + m.polls() + ", readings " + m.valid()
          + " valid / " + m.missing() + " missing, failed polls " + m.failures() + ", skipped " + m.skipped() + "; "
          + counters(m.counters()));
    }
    err.flush();
  }

  private static String counters(Counters c) {
    return "requests " + c.requests() + ", retries " + c.retries() + ", timeouts " + c.timeouts()
        + ", garbage bytes " + c.garbageBytes() + ", bad checksums " + c.badChecksums() + ", unmatched frames "
        + c.unmatchedFrames() + ", latency p50 " + millis(c.latencyP50()) + " p99 " + millis(c.latencyP99());
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }

  /**
   * Ends a poll on Ctrl-C (or SIGTERM), or when the thread is interrupted: the shutdown hook stops the wait and
   * then holds the JVM until the summary is printed.
   */
  private static final class StopSignal {
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Thread hook;

    private StopSignal() {
      hook = new Thread(() -> {
        stopped.complete(null);
        finished.completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
      }, "emms-poll-stop");
    }

    static StopSignal install() {
      StopSignal signal = new StopSignal();
      Runtime.getRuntime().addShutdownHook(signal.hook);
      return signal;
    }

    CompletableFuture<Void> after(Duration duration) {
      return new CompletableFuture<Void>().completeOnTimeout(null, duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until {@code work} completes or a stop is asked for. */
    void awaitOr(CompletableFuture<?> work) {
      try {
        CompletableFuture.anyOf(work, stopped).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // a failed poll has been reported to the listener; the summary counts it
      }
    }

    /** The summary is out: lets a stopping JVM go on, or removes the hook when nothing stopped it. */
    void finished() {
      finished.complete(null);
      if (!stopped.isDone()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM began shutting down meanwhile: the hook runs and finds the summary printed
        }
      }
    }
  }
}
