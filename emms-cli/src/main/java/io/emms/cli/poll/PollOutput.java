package io.emms.cli.poll;

import io.emms.bus.FrameTrace;
import io.emms.bus.fleet.FleetLine;
import io.emms.bus.fleet.FleetListener;
import io.emms.bus.fleet.MeterEndpoint;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Reading;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * Prints what the poller reads: readings on stdout, one per line; failures, lines down and traced frames on
 * stderr. A poll that failed as a whole still prints one reading without a value per quantity, so that stdout
 * accounts for every quantity asked for.
 */
final class PollOutput implements FleetListener {

  private final PrintWriter out;
  private final PrintWriter err;
  private final ReadingFormat format;

  PollOutput(PrintWriter out, PrintWriter err, ReadingFormat format) {
    this.out = out;
    this.err = err;
    this.format = format;
    if (format.header() != null) {
      out.println(format.header());
      out.flush();
    }
  }

  @Override
  public void onReadings(MeterEndpoint meter, List<Reading> readings) {
    readings.forEach(r -> out.println(format.line(meter.id(), r)));
    out.flush();
  }

  @Override
  public void onFailure(MeterEndpoint meter, Throwable failure) {
    Quality quality = failure instanceof MeterTimeoutException ? Quality.TIMEOUT : Quality.ERROR;
    Instant now = Instant.now();
    meter.quantitiesToRead().forEach(q -> out.println(format.line(meter.id(), Reading.missing(meter.id(), q, now, quality))));
    out.flush();
    err.println("emms: meter " + meter.id() + ": " + failure.getMessage());
    err.flush();
  }

  @Override
  public void onLineDown(FleetLine line, Throwable failure) {
    err.println("emms: line " + line.id() + " (" + line.link() + ") did not open: " + failure.getMessage());
    err.flush();
  }

  @Override
  public void onFrame(FleetLine line, FrameTrace.Direction direction, Instant time, String hex) {
    err.println(time + " " + line.id() + (direction == FrameTrace.Direction.SENT ? " > " : " < ") + hex);
    err.flush();
  }
}
