package io.emms.server.ingest.internal;

import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * An append-only file of readings that could not be written yet, one tab-separated line each:
 * {@code meter, quantity, epoch millis, value, quality}. Appends are forced to disk before they return, so a
 * reading once spilled survives a crash of the server. Only the ingestion writer thread uses it.
 */
public final class SpillFile {

  private final Path path;

  public SpillFile(Path path) {
    this.path = path;
  }

  /** Appends readings and forces them to disk. */
  public void append(Collection<Reading> readings) {
    try {
      Files.createDirectories(path.getParent());
      try (var ch = java.nio.channels.FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
          BufferedWriter w = new BufferedWriter(java.nio.channels.Channels.newWriter(ch, StandardCharsets.UTF_8))) {
        for (Reading r : readings) {
          w.write(line(r));
          w.write('\n');
        }
        w.flush();
        ch.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spill readings to " + path, e);
    }
  }

  /** How many readings the file holds. */
  public long count() {
    if (isEmpty()) {
      return 0;
    }
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isEmpty()).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether spilled readings wait to be written. */
  public boolean isEmpty() {
    try {
      return !Files.exists(path) || Files.size(path) == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Hands the spilled readings to {@code sink} in chunks of at most {@code chunk}, oldest first, then deletes
   * the file. When the sink throws, the file stays whole and the exception propagates: chunks already handed
   * over are handed over again next time, which the idempotent store absorbs.
   */
  public void drain(int chunk, Consumer<List<Reading>> sink) {
    if (isEmpty()) {
      return;
    }
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      List<Reading> batch = new ArrayList<>(chunk);
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (!l.isEmpty()) {
          batch.add(parse(l));
        }
        if (batch.size() == chunk) {
          sink.accept(batch);
          batch = new ArrayList<>(chunk);
        }
      }
      sink.accept(batch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spilled readings from " + path, e);
    }
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(Reading r) {
    return escape(r.meterId()) + '\t' + r.quantity().toString() + '\t' + r.timestamp().toEpochMilli() + '\t'
        + (r.value() == null ? "" : r.value().toPlainString()) + '\t' + r.quality().name();
  }

  static Reading parse(String line) {
    String[] f = line.split("\t", -1);
    return new Reading(unescape(f[0]), Quantity.parse(f[1]), f[3].isEmpty() ? null : new BigDecimal(f[3]),
        Instant.ofEpochMilli(Long.parseLong(f[2])), Quality.valueOf(f[4]));
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
