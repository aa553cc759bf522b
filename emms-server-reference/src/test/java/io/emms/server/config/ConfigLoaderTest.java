package io.emms.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void defaultsAreEmbeddedAndLoopback() {
    ServerConfig c = new ConfigLoader(Map.of("EMMS_DATA_DIR", dir.toString())).load();
    assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    assertThat(c.httpPort()).isEqualTo(ServerConfig.DEFAULT_HTTP_PORT);
    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.dataDir()).isEqualTo(dir.toAbsolutePath());
  }

  @Test
  void environmentOverridesTheFileWhichOverridesDefaults() throws Exception {
    Files.writeString(dir.resolve("emms-server.properties"),
        "http.port=9000\ningest.batch-size=250\ndb.url=jdbc:mariadb://db.example:3306/emms\n");
    ServerConfig c = new ConfigLoader(Map.of("EMMS_DATA_DIR", dir.toString(), "EMMS_HTTP_PORT", "9100")).load();
    assertThat(c.httpPort()).isEqualTo(9100);
    assertThat(c.ingestBatchSize()).isEqualTo(250);
    assertThat(c.databaseUrl()).isEqualTo("jdbc:mariadb://db.example:3306/emms");
    assertThat(c.embeddedDatabase()).isFalse();
  }

  @Test
  void aBadValueNamesItsSetting() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("EMMS_DATA_DIR", dir.toString(), "EMMS_HTTP_PORT", "http")).load())
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("EMMS_DATA_DIR", dir.toString(), "EMMS_HTTP_PORT", "70000")).load())
        .isInstanceOf(ConfigException.class).hasMessageContaining("httpPort");
  }
}
