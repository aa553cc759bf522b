package io.emms.cli.mqtt;

import io.emms.cli.command.BadInputException;
import io.emms.transport.mqtt.MqttClientConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the broker is and how to sign in; shared by the MQTT commands. The password only ever comes from a file. */
final class BrokerOptions {

  @Option(names = "--broker", required = true, paramLabel = "tcp://HOST:PORT", description = "the MQTT 5 broker")
  String broker;

  @Option(names = "--username", paramLabel = "U", description = "user to sign in as (with --password-file)")
  String username;

  @Option(names = "--password-file", paramLabel = "F", description = "file whose first line is the password")
  Path passwordFile;

  @Option(names = "--tenant", defaultValue = "default", description = "tenant topic level (default ${DEFAULT-VALUE})")
  String tenant;

  @Option(names = "--root", defaultValue = "emms", description = "first topic level (default ${DEFAULT-VALUE})")
  String root;

  /** The client configuration, signed in when a user is given. */
  MqttClientConfig client(String clientId) {
    MqttClientConfig.Builder b = MqttClientConfig.builder(broker, clientId);
    if ((username == null) != (passwordFile == null)) {
      throw new BadInputException("--username and --password-file go together");
    }
    if (username != null) {
      try {
        String password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        b.credentials(username, password);
      } catch (IOException e) {
        throw new BadInputException("cannot read --password-file " + passwordFile + ": " + e.getMessage());
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--broker: " + e.getMessage());
    }
  }
}
