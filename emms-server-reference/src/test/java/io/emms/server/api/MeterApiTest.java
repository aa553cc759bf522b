package io.emms.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.server.TestServer;
import io.emms.server.TestServer.Client;
import io.emms.server.auth.Role;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeterApiTest {

  private final TestServer server = TestServer.get();

  private static String meter(String id, String address, String profile) {
    return "{\"id\":\"" + id + "\",\"address\":\"" + address + "\",\"profile\":\"" + profile + "\"}";
  }

  @Test
  void operatorsAddChangeAndRemoveMetersViewersOnlyRead() {
    Client op = server.signedIn(Role.OPERATOR);
    Client viewer = server.signedIn(Role.VIEWER);
    assertThat(op.post("/api/meters", meter("crud-1", "000000000101", "dlt645-2007")).statusCode()).isEqualTo(201);
    assertThat(viewer.post("/api/meters", meter("crud-2", "000000000102", "dlt645-2007")).statusCode()).isEqualTo(403);
    JsonNode got = viewer.json(viewer.get("/api/meters/crud-1"));
    assertThat(got.get("profile").asText()).isEqualTo("dlt645-2007");
    assertThat(got.get("pollSeconds").asInt()).isEqualTo(900);
    HttpResponse<String> put = op.put("/api/meters/crud-1",
        "{\"address\":\"17\",\"profile\":\"modbus-tcp\",\"model\":\"sdm630\",\"pollSeconds\":60}");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(op.json(put).get("address").asText()).isEqualTo("17");
    assertThat(op.delete("/api/meters/crud-1").statusCode()).isEqualTo(204);
    assertThat(viewer.get("/api/meters/crud-1").statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsA4xxNamingTheField() {
    Client op = server.signedIn(Role.OPERATOR);
    op.post("/api/meters", meter("dup-1", "000000000201", "dlt645-2007"));
    assertField(op, op.post("/api/meters", meter("bad-addr", "12345", "dlt645-2007")), 400, "address");
    assertField(op, op.post("/api/meters", meter("bad-unit", "248", "modbus-tcp")), 400, "address");
    assertField(op, op.post("/api/meters", meter("bad-prof", "000000000201", "iec-62056")), 400, "profile");
    assertField(op, op.post("/api/meters", meter("no-model", "7", "modbus-tcp")), 400, "model");
    assertField(op, op.post("/api/meters", "{\"id\":\"bad-model\",\"address\":\"7\",\"profile\":\"modbus-tcp\","
        + "\"model\":\"sdm999\"}"), 400, "model");
    assertField(op, op.post("/api/meters", meter("dup-1", "000000000202", "dlt645-2007")), 409, "id");
    assertField(op, op.post("/api/meters", meter("bad id!", "000000000202", "dlt645-2007")), 400, "id");
    assertField(op, op.post("/api/meters", "{\"id\":\"x1\",\"address\":\"000000000202\"}"), 400, "profile");
    assertField(op, op.post("/api/meters", "[1,2]"), 400, "body");
    assertField(op, op.post("/api/meters", "{\"id\":"), 400, "body");
    assertField(op, op.get("/api/meters?limit=100000"), 400, "limit");
    assertField(op, op.get("/api/meters/dup-1/readings?from=yesterday"), 400, "from");
    assertField(op, op.get("/api/meters/dup-1/readings?quantity=WATTS"), 400, "quantity");
    assertField(op, op.get("/api/meters/dup-1/readings?resolution=5s"), 400, "resolution");
  }

  private static void assertField(Client c, HttpResponse<String> r, int status, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(c.json(r).get("field").asText()).isEqualTo(field);
  }

  @Test
  void veeEstimatesAShortGapAndMarksItEstimated() throws Exception {
    Client op = server.signedIn(Role.OPERATOR);
    op.post("/api/meters", meter("vee-1", "000000000402", "dlt645-2007"));
    Instant day = Instant.parse("2026-02-03T00:00:00Z");
    for (int i = 0; i <= 96; i++) {
      if (i == 40 || i == 41) {
        continue; // two register reads missing: a 45-minute interval, three 15-minute slots unknown
      }
      server.server.ingest().submit(Reading.valid("vee-1", Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT),
          new BigDecimal("100.00").add(BigDecimal.valueOf(i, 1)), day.plus(Duration.ofMinutes(15L * i))));
    }
    assertThat(server.server.ingest().awaitWritten(Duration.ofSeconds(30))).isTrue();
    JsonNode vee = op.json(op.get("/api/meters/vee-1/vee?from=2026-02-03T00:00:00Z&to=2026-02-04T00:00:00Z"));
    assertThat(vee.get("items")).hasSize(96);
    assertThat(vee.get("estimated").asInt()).isEqualTo(3);
    assertThat(vee.get("items").get(40).get("quality").asText()).isEqualTo("ESTIMATED");
    assertThat(vee.get("items").get(40).get("energy").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(vee.get("items").get(10).get("quality").asText()).isEqualTo("VALID");
  }

  @Test
  void linesAreAddedWithACheckedLinkUriAndRemoved() {
    Client op = server.signedIn(Role.OPERATOR);
    assertThat(op.post("/api/lines", "{\"id\":\"line-1\",\"link\":\"tcp://10.0.0.7:8899\"}").statusCode())
        .isEqualTo(201);
    assertField(op, op.post("/api/lines", "{\"id\":\"line-1\",\"link\":\"tcp://10.0.0.8:8899\"}"), 409, "id");
    assertField(op, op.post("/api/lines", "{\"id\":\"line-2\",\"link\":\"gopher://x\"}"), 400, "link");
    assertField(op, op.post("/api/lines", "{\"id\":\"line-3\",\"link\":\"no scheme\"}"), 400, "link");
    assertThat(op.json(op.get("/api/lines")).get("items").toString()).contains("tcp://10.0.0.7:8899");
    assertThat(server.signedIn(Role.VIEWER).delete("/api/lines/line-1").statusCode()).isEqualTo(403);
    assertThat(op.delete("/api/lines/line-1").statusCode()).isEqualTo(204);
  }

  @Test
  void listsArePagedAndSearchable() {
    Client op = server.signedIn(Role.OPERATOR);
    for (int i = 0; i < 5; i++) {
      op.post("/api/meters", meter("page-" + i, "00000000030" + i, "dlt645-2007"));
    }
    JsonNode first = op.json(op.get("/api/meters?search=page-&limit=2"));
    JsonNode third = op.json(op.get("/api/meters?search=page-&limit=2&offset=4"));
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("more").asBoolean()).isTrue();
    assertThat(first.get("items").get(0).get("id").asText()).isEqualTo("page-0");
    assertThat(third.get("items")).hasSize(1);
    assertThat(third.get("items").get(0).get("id").asText()).isEqualTo("page-4");
  }

  @Test
  void readingsComeBackByRangeResolutionAsCsvAndAsConsumptionAcrossARollover() throws Exception {
    Client op = server.signedIn(Role.OPERATOR);
    op.post("/api/meters", meter("series-1", "000000000401", "dlt645-2007"));
    Quantity energy = Quantity.total(Measurand.ACTIVE_ENERGY_IMPORT);
    Quantity voltage = Quantity.of(Measurand.VOLTAGE, Phase.A);
    Instant day = Instant.parse("2026-02-01T00:00:00Z");
    // A 6+2-digit register that rolls over 999999.99 -> 0 in the middle of the day, 1 kWh per 15 minutes.
    BigDecimal start = new BigDecimal("999950.00");
    for (int i = 0; i < 96; i++) {
      Instant t = day.plus(Duration.ofMinutes(15L * i));
      BigDecimal v = start.add(BigDecimal.valueOf(i)).remainder(new BigDecimal("1000000"));
      server.server.ingest().submit(Reading.valid("series-1", energy, v, t));
      server.server.ingest().submit(Reading.valid("series-1", voltage, BigDecimal.valueOf(220 + i % 4), t));
    }
    assertThat(server.server.ingest().awaitWritten(Duration.ofSeconds(30))).isTrue();
    String range = "&from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z";

    JsonNode raw = op.json(op.get("/api/meters/series-1/readings?quantity=ACTIVE_ENERGY_IMPORT&limit=1000" + range));
    assertThat(raw.get("items")).hasSize(96);
    assertThat(raw.get("items").get(0).get("quality").asText()).isEqualTo("VALID");

    JsonNode hourly = op.json(op.get("/api/meters/series-1/readings?quantity=VOLTAGE.A&resolution=1h" + range));
    assertThat(hourly.get("items")).hasSize(24);
    assertThat(hourly.get("items").get(0).get("value").decimalValue()).isEqualByComparingTo("221.5");

    HttpResponse<String> csv = op.get("/api/meters/series-1/readings.csv?quantity=VOLTAGE.A" + range);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines()).hasSize(97).first().isEqualTo("meter,quantity,time,value,quality");

    JsonNode consumption = op.json(op.get("/api/meters/series-1/consumption?quantity=ACTIVE_ENERGY_IMPORT" + range));
    assertThat(consumption.get("total").decimalValue()).isEqualByComparingTo("95");
    assertThat(consumption.get("intervals")).hasSize(95);
  }
}
