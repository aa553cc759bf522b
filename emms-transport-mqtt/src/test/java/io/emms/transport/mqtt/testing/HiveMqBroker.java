package io.emms.transport.mqtt.testing;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * HiveMQ CE embedded in this JVM, listening on 127.0.0.1 with in-memory persistence. HiveMQ admits every client
 * unless an authenticator extension is registered, so one is: only the broker's user with its password gets in.
 */
public final class HiveMqBroker implements TestBroker {

  private final Path dir;
  private final int port;
  private final String username = "emms";
  private final String password = UUID.randomUUID().toString();
  private EmbeddedHiveMQ hivemq;

  private HiveMqBroker(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a broker whose folders live under {@code dir}. */
  public static HiveMqBroker start(Path dir) throws Exception {
    HiveMqBroker broker = new HiveMqBroker(dir, FreePort.pick());
    broker.boot();
    return broker;
  }

  private void boot() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("config.xml"), """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
          </listeners>
          <persistence><mode>in-memory</mode></persistence>
          <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
        </hivemq>
        """.formatted(port));
    hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(conf)
        .withDataFolder(Files.createDirectories(dir.resolve("data")))
        .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
        .withEmbeddedExtension(authenticator())
        .build();
    hivemq.start().join();
  }

  private EmbeddedExtension authenticator() {
    byte[] expected = password.getBytes(StandardCharsets.UTF_8);
    SimpleAuthenticator check = (input, output) -> {
      var connect = input.getConnectPacket();
      boolean userOk = connect.getUserName().map(username::equals).orElse(false);
      boolean passwordOk = connect.getPassword().map(HiveMqBroker::bytes).map(p -> java.util.Arrays.equals(p, expected)).orElse(false);
      if (userOk && passwordOk) {
        output.authenticateSuccessfully();
      } else {
        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
      }
    };
    return EmbeddedExtension.builder()
        .withId("emms-test-auth")
        .withName("EMMS test authenticator")
        .withVersion("1")
        .withAuthor("emms")
        .withPriority(0)
        .withStartPriority(1000)
        .withExtensionMain(new ExtensionMain() {
          @Override
          public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> check);
          }

          @Override
          public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {}
        })
        .build();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @Override
  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String password() {
    return password;
  }

  /** A new broker on the same port: HiveMQ's in-memory persistence cannot start twice in one instance. */
  @Override
  public void restart() throws Exception {
    hivemq.close();
    boot();
  }

  @Override
  public void close() {
    try {
      hivemq.close();
    } catch (Exception e) {
      throw new IllegalStateException("HiveMQ did not stop", e);
    }
  }
}
