package io.emms.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.server.FakeMeters.Behaviour;
import io.emms.server.TestServer;
import io.emms.server.TestServer.Client;
import io.emms.server.auth.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CommandApiTest {

  private final TestServer server = TestServer.get();

  private String finalState(Client c, long id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      String s = c.json(c.get("/api/commands/" + id)).get("state").asText();
      return !List.of("REQUESTED", "SENT", "ACKNOWLEDGED").contains(s);
    });
    return c.json(c.get("/api/commands/" + id)).get("state").asText();
  }

  private long trip(Client c, String meter, String key) {
    HttpResponse<String> r = c.post("/api/meters/" + meter + "/commands",
        "{\"action\":\"TRIP\",\"reason\":\"unpaid bill\",\"idempotencyKey\":\"" + key + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return c.json(r).get("id").asLong();
  }

  private void addMeter(Client c, String id, String address) {
    c.post("/api/meters", "{\"id\":\"" + id + "\",\"address\":\"" + address + "\",\"profile\":\"dlt645-2007\"}");
  }

  @Test
  void aTripIsVerifiedByReadingTheRelayBackAndEveryStepIsAudited() {
    Client op = server.signedIn(Role.OPERATOR);
    addMeter(op, "relay-ok", "000000000501");
    long id = trip(op, "relay-ok", "trip-ok-1");
    assertThat(finalState(op, id)).isEqualTo("VERIFIED");
    assertThat(op.json(op.get("/api/meters/relay-ok")).get("relayState").asText()).isEqualTo("OPEN");
    Client admin = server.signedIn(Role.ADMIN);
    JsonNode audit = admin.json(admin.get("/api/audit?target=relay-ok&limit=50")).get("items");
    List<String> actions = StreamSupport.stream(audit.spliterator(), false).map(e -> e.get("action").asText()).toList();
    assertThat(actions).contains("command.requested", "command.sent", "command.acknowledged", "command.verified");
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameCommandAndAnotherUseConflicts() {
    Client op = server.signedIn(Role.OPERATOR);
    addMeter(op, "relay-idem", "000000000502");
    long a = trip(op, "relay-idem", "idem-1");
    long b = trip(op, "relay-idem", "idem-1");
    assertThat(b).isEqualTo(a);
    HttpResponse<String> other = op.post("/api/meters/relay-idem/commands",
        "{\"action\":\"CLOSE_DIRECT\",\"reason\":\"paid\",\"idempotencyKey\":\"idem-1\"}");
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(op.json(other).get("field").asText()).isEqualTo("idempotencyKey");
  }

  @Test
  void refusedSilentAndStuckMetersEndFailedTimedOutAndFailed() {
    Client op = server.signedIn(Role.OPERATOR);
    addMeter(op, "relay-refuse", "000000000503");
    addMeter(op, "relay-silent", "000000000504");
    addMeter(op, "relay-stuck", "000000000505");
    server.meters.behave("000000000503", Behaviour.REFUSE);
    server.meters.behave("000000000504", Behaviour.SILENT);
    server.meters.behave("000000000505", Behaviour.STUCK);
    long refused = trip(op, "relay-refuse", "k-refuse");
    long silent = trip(op, "relay-silent", "k-silent");
    long stuck = trip(op, "relay-stuck", "k-stuck");
    assertThat(finalState(op, refused)).isEqualTo("FAILED");
    assertThat(op.json(op.get("/api/commands/" + refused)).get("detail").asText()).contains("password wrong");
    assertThat(finalState(op, silent)).isEqualTo("TIMED_OUT");
    assertThat(finalState(op, stuck)).isEqualTo("FAILED");
    assertThat(op.json(op.get("/api/commands/" + stuck)).get("detail").asText()).contains("expected OPEN");
  }

  @Test
  void viewersMayNotSendCommandsAndBadCommandsNameTheField() {
    Client op = server.signedIn(Role.OPERATOR);
    addMeter(op, "relay-view", "000000000506");
    Client viewer = server.signedIn(Role.VIEWER);
    assertThat(viewer.post("/api/meters/relay-view/commands",
        "{\"action\":\"TRIP\",\"reason\":\"x\",\"idempotencyKey\":\"v-1\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> bad = op.post("/api/meters/relay-view/commands",
        "{\"action\":\"ALARM\",\"reason\":\"x\",\"idempotencyKey\":\"v-2\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(op.json(bad).get("field").asText()).isEqualTo("action");
    HttpResponse<String> noReason = op.post("/api/meters/relay-view/commands",
        "{\"action\":\"TRIP\",\"idempotencyKey\":\"v-3\"}");
    assertThat(op.json(noReason).get("field").asText()).isEqualTo("reason");
    assertThat(op.post("/api/meters/nope/commands", "{\"action\":\"TRIP\",\"reason\":\"x\",\"idempotencyKey\":\"v-4\"}")
        .statusCode()).isEqualTo(404);
  }
}
