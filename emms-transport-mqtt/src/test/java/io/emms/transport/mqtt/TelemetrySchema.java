package io.emms.transport.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The published JSON Schema, docs/mqtt-telemetry.schema.json, loaded with networknt's validator. */
final class TelemetrySchema {

  static final Path FILE = Path.of("..", "docs", "mqtt-telemetry.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private TelemetrySchema() {}

  private static JsonSchema load() {
    try (InputStream in = Files.newInputStream(FILE)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + FILE.toAbsolutePath(), e);
    }
  }

  /** The schema's complaints about a payload; a payload that is not JSON at all is one complaint. */
  static List<String> violations(byte[] payload) {
    try {
      Set<ValidationMessage> errors = SCHEMA.validate(MAPPER.readTree(payload));
      return errors.stream().map(ValidationMessage::getMessage).toList();
    } catch (IOException notJson) {
      return List.of("not JSON: " + notJson.getMessage());
    }
  }
}
