package io.emms.cli.analyze;

import io.emms.cli.command.BadInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import picocli.CommandLine.Option;

/**
 * Where the rows of a table sit in time: an ISO-8601 timestamp column (a column named {@code timestamp} is used
 * unless another is named), or a start instant and a fixed interval. Timestamps without an offset are local times
 * of {@code --zone}.
 */
final class TimeOptions {

  /** The column used when no other is named. */
  static final String DEFAULT_COLUMN = "timestamp";

  @Option(names = "--timestamp-column", paramLabel = "NAME",
      description = "column of ISO-8601 timestamps (default: the column named \"timestamp\" if there is one)")
  String column;

  @Option(names = "--start", paramLabel = "ISO-8601",
      description = "time of the first row when the file has no timestamp column; later rows follow every interval")
  String start;

  @Option(names = "--interval-minutes", defaultValue = "15", paramLabel = "MIN",
      description = "minutes each row stands for (default ${DEFAULT-VALUE})")
  int intervalMinutes;

  @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "zone of local timestamps, days and weekends, e.g. Asia/Shanghai (default ${DEFAULT-VALUE})")
  String zone;

  Duration interval() {
    if (intervalMinutes < 1) {
      throw new BadInputException("--interval-minutes must be at least 1, got " + intervalMinutes);
    }
    return Duration.ofMinutes(intervalMinutes);
  }

  ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new BadInputException("--zone: unknown zone \"" + zone + "\"", e);
    }
  }

  /** The name of the timestamp column in use, or null when the rows carry no timestamps. */
  String columnIn(CsvTable table) {
    if (column != null) {
      return column;
    }
    return start == null && table.hasColumn(DEFAULT_COLUMN) ? DEFAULT_COLUMN : null;
  }

  /** Whether the rows can be placed in time. */
  boolean available(CsvTable table) {
    return start != null || columnIn(table) != null;
  }

  /**
   * The epoch milliseconds of every row.
   *
   * @throws BadInputException naming the line of a bad timestamp, or when there is no way to place the rows in time
   */
  long[] epochMillis(CsvTable table) {
    if (column != null && start != null) {
      throw new BadInputException("give either --timestamp-column or --start, not both");
    }
    ZoneId z = zoneId();
    String name = columnIn(table);
    long[] out = new long[table.rowCount()];
    if (name != null) {
      String[] text = table.text(name);
      for (int r = 0; r < out.length; r++) {
        out[r] = parse(text[r], z, table.where(r) + ": ");
      }
      return out;
    }
    if (start == null) {
      throw new BadInputException(table.source() + " has no \"" + DEFAULT_COLUMN
          + "\" column: name one with --timestamp-column or give --start");
    }
    long first = parse(start, z, "--start: ");
    long step = interval().toMillis();
    for (int r = 0; r < out.length; r++) {
      out[r] = first + r * step;
    }
    return out;
  }

  /** Parses {@code 2026-01-05T00:15:00Z}, {@code 2026-01-05T00:15+08:00} or local {@code 2026-01-05 00:15}. */
  static long parse(String text, ZoneId zone, String where) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      // one parse and a zone query: parseBest would throw and catch once per local timestamp
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
      ZoneId own = t.query(TemporalQueries.zone());
      return LocalDateTime.from(t).atZone(own != null ? own : zone).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw new BadInputException(where + "\"" + text + "\" is not an ISO-8601 timestamp", e);
    }
  }
}
