package io.emms.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.server.SharedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void migratesEveryTableOnTheEmbeddedMariaDb() throws SQLException {
    try (Connection c = SharedDatabase.database().connection();
        ResultSet rs = c.getMetaData().getTables(EmbeddedMariaDb.SCHEMA, null, "%", new String[] {"TABLE"})) {
      java.util.Set<String> tables = new java.util.HashSet<>();
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
      assertThat(tables).contains("site", "line", "meter", "reading", "interval_consumption", "tariff",
          "tariff_period", "meter_event", "meter_command", "app_user", "app_session", "audit_log");
    }
  }

  @Test
  void theApplicationUserHasAGeneratedPassword() {
    EmbeddedMariaDb db = SharedDatabase.mariaDb();
    assertThat(db.password()).hasSize(48);
    assertThatThrownBy(() -> Database.open(db.jdbcUrl(), "emms", "").close()).isInstanceOf(RuntimeException.class);
  }

  @Test
  void readingPrimaryKeyMakesARedeliveryAnUpsert() {
    SharedDatabase.execute("INSERT INTO reading VALUES ('pk-test','VOLTAGE.A','2026-01-01 00:00:00',230.1,'VALID')");
    SharedDatabase.execute("INSERT INTO reading VALUES ('pk-test','VOLTAGE.A','2026-01-01 00:00:00',230.2,'VALID')"
        + " ON DUPLICATE KEY UPDATE value = VALUES(value), quality = VALUES(quality)");
    assertThat(SharedDatabase.count("SELECT COUNT(*) FROM reading WHERE meter_id = 'pk-test'")).isEqualTo(1);
  }
}
