package io.emms.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.server.EmmsServer;
import io.emms.server.FakeMeters;
import io.emms.server.auth.Role;
import io.emms.server.config.ServerConfig;
import io.emms.server.db.Database;
import io.emms.server.db.EmbeddedMariaDb;
import io.emms.server.db.ReadingStore;
import io.emms.server.ingest.IngestPipeline;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Ingestion rows/s into the embedded MariaDB (the pipeline vs one INSERT and one commit per reading, in the same
 * run) and API latency (a meter's day of 15-minute readings, a month's consumption report). Run by hand; see
 * docs/benchmarks.md for the command. Arguments: pipeline readings (default 1 000 000), naive readings (20 000).
 */
public final class ServerBenchmark {

  private static final Quantity ENERGY = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    int pipelineCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int naiveCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path dir = Files.createTempDirectory(Path.of("target"), "bench-").toAbsolutePath();
    try (EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(dir.resolve("db"), 0);
        Database db = Database.open(mariaDb.jdbcUrl(), mariaDb.user(), mariaDb.password())) {
      naive(db, naiveCount);
      pipeline(db, dir, pipelineCount, 1000);
      pipeline(db, dir, pipelineCount, 5000);
      latency(db, dir);
    }
  }

  /** 1 000 meters, consecutive 15-minute readings; {@code offset} keeps runs apart. */
  private static Reading reading(int i, int run) {
    return Reading.valid("bench-" + run + "-" + (i % 1000), ENERGY, BigDecimal.valueOf(i, 2),
        T0.plus(Duration.ofMinutes(15L * (i / 1000))));
  }

  private static void naive(Database db, int n) throws Exception {
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO reading (meter_id, quantity, ts, value, quality) VALUES (?, ?, ?, ?, ?)")) {
      c.setAutoCommit(true);
      for (int i = 0; i < n; i++) {
        Reading r = reading(i, 0);
        ps.setString(1, r.meterId());
        ps.setString(2, ENERGY.toString());
        ps.setObject(3, LocalDateTime.ofInstant(r.timestamp(), ZoneOffset.UTC));
        ps.setBigDecimal(4, r.value());
        ps.setString(5, "VALID");
        ps.executeUpdate();
      }
    }
    report("naive: one INSERT + commit per reading", n, System.nanoTime() - t0, cpu() - cpu0);
  }

  private static void pipeline(Database db, Path dir, int n, int batch) throws Exception {
    ReadingStore store = new ReadingStore(db.dataSource());
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    try (IngestPipeline p = new IngestPipeline(store::write, dir.resolve("spill-" + batch), 100_000, batch, 200_000)) {
      for (int i = 0; i < n; i++) {
        p.submit(reading(i, batch));
      }
      if (!p.awaitWritten(Duration.ofMinutes(30))) {
        throw new IllegalStateException("not written");
      }
    }
    report("pipeline: multi-row upsert, batch " + batch, n, System.nanoTime() - t0, cpu() - cpu0);
  }

  private static void latency(Database db, Path dir) throws Exception {
    FakeMeters meters = new FakeMeters();
    ServerConfig config = ServerConfig.defaults(dir).withHttpPort(0).withCommands(Duration.ofSeconds(5), false)
        .withLoginAttemptsPerMinute(1000);
    try (EmmsServer server = EmmsServer.start(config, db, meters, meters)) {
      server.auth().createUser("bench", "bench-viewer", "bench password 1", Role.VIEWER);
      server.meters().create(new io.emms.server.registry.Meter("lat-1", "000000000001", "dlt645-2007", null, null, null,
          900, null, null, null));
      Instant month = Instant.parse("2026-03-01T00:00:00Z");
      for (int i = 0; i < 31 * 96; i++) {
        server.ingest().submit(Reading.valid("lat-1", ENERGY, BigDecimal.valueOf(1000 + i * 0.25),
            month.plus(Duration.ofMinutes(15L * i))));
      }
      server.ingest().awaitWritten(Duration.ofMinutes(1));
      HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
      String base = "http://127.0.0.1:" + server.httpPort();
      http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-viewer\",\"password\":\"bench password 1\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      measure(http, base + "/api/meters/lat-1/readings?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z",
          "a day of 15-minute readings (96 rows)", 96);
      measure(http, base + "/api/meters/lat-1/consumption?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z",
          "a month's consumption report (2 976 readings -> 2 975 intervals)", 0);
    }
  }

  private static void measure(HttpClient http, String url, String what, int expectItems) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
    for (int i = 0; i < 50; i++) {
      check(http.send(req, HttpResponse.BodyHandlers.ofString()), expectItems);
    }
    int n = 500;
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      check(http.send(req, HttpResponse.BodyHandlers.ofString()), expectItems);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("latency %-62s p50 %6.2f ms  p99 %6.2f ms  (%d requests after 50 warm-up)%n", what,
        nanos[n / 2] / 1e6, nanos[n * 99 / 100] / 1e6, n);
  }

  private static void check(HttpResponse<String> r, int expectItems) throws Exception {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    if (expectItems > 0 && new ObjectMapper().readTree(r.body()).get("items").size() != expectItems) {
      throw new IllegalStateException("wrong item count: " + r.body());
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void report(String what, int n, long nanos, long cpuNanos) {
    double s = nanos / 1e9;
    System.out.printf("ingest  %-45s %,10d readings in %7.2f s = %,9.0f readings/s (JVM CPU %.1f s)%n", what, n, s,
        n / s, cpuNanos / 1e9);
  }
}
