package io.emms.transport.dtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.link.ConfiguredLink;
import io.emms.core.link.Framing;
import io.emms.core.link.LinkProviders;
import io.emms.core.link.LinkUriException;
import io.emms.core.link.LinkUriException.Part;
import io.emms.core.testing.LeakCheck;
import io.emms.transport.Recorder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code dtu://ID} finds the link of that DTU on the server listening in this process. */
@ExtendWith(LeakCheck.class)
class DtuLinkProviderTest {

  @Test
  void aDtuUriIsTheLinkOfThatIdOnTheListeningServer() throws Exception {
    try (DtuServer server = new DtuServer(DtuServerConfig.defaults())) {
      server.start().join();
      ConfiguredLink configured = LinkProviders.create("dtu://DTU-7");
      assertThat(configured.link()).isSameAs(server.link("DTU-7"));
      assertThat(configured.link().name()).isEqualTo("dtu://DTU-7");
      assertThat(configured.framing()).isEqualTo(Framing.RTU);
      assertThat(configured.messageOriented()).isFalse();

      Recorder recorder = new Recorder();
      configured.link().setListener(recorder);
      var opened = configured.link().open();
      try (RawDtu dtu = new RawDtu(server.port())) {
        dtu.sendText("DTU-7\r\n");
        opened.get(10, TimeUnit.SECONDS);
        assertThat(configured.link().isOpen()).isTrue();
      }
    }
  }

  @Test
  void theServerOptionChoosesAmongSeveral() {
    try (DtuServer one = new DtuServer(DtuServerConfig.defaults());
        DtuServer two = new DtuServer(DtuServerConfig.defaults())) {
      one.start().join();
      two.start().join();
      assertThat(LinkProviders.create("dtu://X?server=127.0.0.1:" + two.port()).link()).isSameAs(two.link("X"));
      assertThatThrownBy(() -> LinkProviders.create("dtu://X"))
          .isInstanceOfSatisfying(LinkUriException.class, e -> assertThat(e.part()).isEqualTo(Part.OPTION_NAME))
          .hasMessageContaining("several DTU servers listen");
      assertThatThrownBy(() -> LinkProviders.create("dtu://X?server=127.0.0.1:1"))
          .isInstanceOfSatisfying(LinkUriException.class, e -> assertThat(e.part()).isEqualTo(Part.OPTION_VALUE));
    }
  }

  @Test
  void withoutAListeningServerTheUriIsRefused() {
    DtuServer stopped = new DtuServer(DtuServerConfig.defaults());
    stopped.start().join();
    stopped.close();
    assertThatThrownBy(() -> LinkProviders.create("dtu://DTU-7"))
        .isInstanceOf(LinkUriException.class).hasMessageContaining("no DTU server listens");
    assertThatThrownBy(() -> LinkProviders.create("dtu://DTU-7:502"))
        .isInstanceOfSatisfying(LinkUriException.class, e -> assertThat(e.part()).isEqualTo(Part.PATH));
  }
}
