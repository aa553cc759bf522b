package io.emms.dlt645.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.PipeLink;
import io.emms.core.testing.LeakCheck;
import io.emms.dlt645.codec.Dlt645Address;
import java.time.Duration;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a broken line delivers before the reply, the master still finds the reply and stays usable. */
class Dlt645ClientFuzzTest {

  @BeforeContainer
  static void recordLeaks() {
    LeakCheck.start();
  }

  @AfterContainer
  static void noLeaks() {
    assertThat(LeakCheck.leaks()).as("ByteBuf leaks (PARANOID detector)").isEmpty();
  }

  private static final String REPLY = "6825040302010068910833333433753945338B16";

  @Property(tries = 60, seed = "645")
  void garbageBeforeTheReplyNeverBreaksTheClient(@ForAll @Size(max = 300) byte[] garbage) {
    PipeLink[] pipe = PipeLink.pair("fuzz");
    new ScriptedMeterEnd(pipe[1]).thenAnswer(HexFormat.of().formatHex(garbage), REPLY);
    Dlt645Client client = Dlt645Client.create(pipe[0], Dlt645ClientConfig.builder()
        .responseTimeout(Duration.ofSeconds(5)).retry(Dlt645RetryPolicy.NONE).build());
    try {
      client.connect().join();

      Dlt645ReadResult result = client.read(Dlt645Address.of("000102030425"), 0x00010000).join();

      assertThat(Bcd.hex(result.value())).isEqualTo("42 06 12 00");
    } finally {
      client.close();
      pipe[0].close();
      pipe[1].close();
    }
  }
}
