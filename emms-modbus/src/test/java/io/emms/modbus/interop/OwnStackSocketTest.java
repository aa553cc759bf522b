package io.emms.modbus.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.link.Link;
import io.emms.modbus.client.BlockingModbusClient;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.server.ModbusServer;
import io.emms.modbus.server.ProcessImage;
import io.emms.modbus.server.ProcessImageService;
import io.emms.transport.tcp.ReconnectPolicy;
import io.emms.transport.tcp.TcpClientConfig;
import io.emms.transport.tcp.TcpClientLink;
import io.emms.transport.tcp.TcpLinkServer;
import io.emms.transport.tcp.TcpServerConfig;
import io.emms.transport.udp.UdpConfig;
import io.emms.transport.udp.UdpLink;
import io.emms.transport.udp.UdpLinkServer;
import io.emms.transport.udp.UdpServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Our client against our server over real sockets in the framings the j2mod/digitalpetri tests do not cover. */
class OwnStackSocketTest {

  private static void exercise(ModbusClient client) {
    BlockingModbusClient blocking = client.blocking();
    blocking.writeMultipleRegisters(1, 0, 5, 6, 7);
    assertThat(blocking.readHoldingRegisters(1, 0, 3)).containsExactly(5, 6, 7);
    blocking.writeMultipleCoils(1, 8, true, true, false);
    assertThat(blocking.readCoils(1, 8, 3)).containsExactly(true, true, false);
    List<CompletableFuture<int[]>> burst = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(client.readHoldingRegisters(1, i % 3, 1).thenApply(r -> r.registerValues()));
    }
    for (int i = 0; i < 30; i++) {
      assertThat(burst.get(i).join()).containsExactly(5 + i % 3);
    }
  }

  @Test
  void rtuOverTcp() {
    ModbusServer server =
        ModbusServer.create(ModbusMode.RTU_OVER_TCP, 1, new ProcessImageService(new ProcessImage(20)));
    try (TcpLinkServer tcp = new TcpLinkServer(TcpServerConfig.defaults(), server::attach)) {
      tcp.start().join();
      Link link = new TcpClientLink(
          TcpClientConfig.builder("127.0.0.1", tcp.port()).reconnect(ReconnectPolicy.never()).build());
      ModbusClient client = ModbusClient.create(link, ModbusClientConfig.of(ModbusMode.RTU_OVER_TCP));
      client.connect().join();
      try {
        exercise(client);
      } finally {
        client.close();
      }
    }
  }

  @Test
  void udp() {
    ModbusServer server = ModbusServer.create(ModbusMode.UDP, 1, new ProcessImageService(new ProcessImage(20)));
    try (UdpLinkServer udp = new UdpLinkServer(UdpServerConfig.defaults(), server::attach)) {
      udp.start().join();
      ModbusClient client = ModbusClient.create(new UdpLink(UdpConfig.builder("127.0.0.1", udp.port()).build()),
          ModbusClientConfig.of(ModbusMode.UDP));
      client.connect().join();
      try {
        exercise(client);
        assertThat(client.stats().timeouts()).isZero();
      } finally {
        client.close();
      }
    }
  }
}
