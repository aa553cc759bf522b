package io.emms.transport.dtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.testing.LeakCheck;
import io.emms.transport.Recorder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Wherever heartbeats land in the protocol bytes and however the stream is cut into TCP writes, the link delivers
 * exactly the protocol bytes, in order, over a real socket.
 */
class InBandStreamPropertiesTest {

  private static final byte[] HEARTBEAT = "www.usr.cn".getBytes(StandardCharsets.US_ASCII);
  private static DtuServer server;
  private static int dtus;

  @BeforeContainer
  static void startServer() {
    LeakCheck.start();
    // Held-back bytes always meet their rest here: only a real heartbeat is ever taken out.
    server = new DtuServer(DtuServerConfig.builder().holdBack(Duration.ofSeconds(30)).build());
    server.start().join();
  }

  @AfterContainer
  static void stopServer() {
    server.close();
    assertThat(LeakCheck.leaks()).isEmpty();
  }

  @Property(tries = 25, seed = "645")
  void onlyProtocolBytesReachTheLink(
      @ForAll @Size(min = 1, max = 2_000) byte[] protocol,
      @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 2_000) Integer> heartbeatsAt,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 700) Integer> cuts) throws Exception {
    for (int i = 0; i < protocol.length; i++) {
      if (protocol[i] == 'w') {
        protocol[i] = 'W';   // a 'w' could start a heartbeat that never completes
      }
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i <= protocol.length; i++) {
      for (int at : heartbeatsAt) {
        if (at == i) {
          wire.writeBytes(HEARTBEAT);
        }
      }
      if (i < protocol.length) {
        wire.write(protocol[i]);
      }
    }
    byte[] stream = wire.toByteArray();

    String id = "P-" + dtus++;
    DtuLink link = server.link(id);
    Recorder recorder = new Recorder();
    link.setListener(recorder);
    link.open();
    try (RawDtu dtu = new RawDtu(server.port())) {
      dtu.sendText(id + "\r\n");
      int offset = 0;
      for (int i = 0; offset < stream.length; i++) {
        int size = Math.min(cuts.get(i % cuts.size()), stream.length - offset);
        dtu.send(Arrays.copyOfRange(stream, offset, offset + size));
        offset += size;
      }
      assertThat(recorder.awaitBytes(protocol.length)).isEqualTo(protocol);
    } finally {
      link.close();
    }
  }
}
