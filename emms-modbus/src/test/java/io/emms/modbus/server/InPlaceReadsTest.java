package io.emms.modbus.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadHoldingRegistersRequest;
import io.emms.modbus.pdu.ReadHoldingRegistersResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The server's polling path over TCP: register reads a {@link ProcessImageService} serves from its image are answered
 * from the reused frame view. Frames are the read-holding-registers example of the Modbus Application Protocol
 * v1.1b3 (section 6.3: registers 108–110 hold 0x022B, 0x0000, 0x0064) in an MBAP header, written by hand.
 */
class InPlaceReadsTest {

  private static final String SPEC_REQUEST = "0001 0000 0006 11 03 006B 0003";
  private static final String SPEC_RESPONSE = "0001 0000 0009 11 03 06 022B 0000 0064";

  private final ProcessImage image = new ProcessImage(200);

  InPlaceReadsTest() {
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 0x6B, 0x022B);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 0x6D, 0x0064);
    image.setRegister(RegisterTable.INPUT_REGISTERS, 0x08, 0x000A);
  }

  private static ByteBuf hex(String s) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(s.replace(" ", "")));
  }

  private static String normal(String hex) {
    return hex.replace(" ", "").toLowerCase();
  }

  private RecordingLink serve(ModbusServer server) {
    RecordingLink link = new RecordingLink();
    server.attach(link);
    return link;
  }

  @Test
  void answersTheSpecReadAndAnInputRegisterReadByteForByte() {
    ModbusServer server = ModbusServer.create(ModbusMode.TCP, 0x11, new ProcessImageService(image));
    RecordingLink link = serve(server);
    link.deliver(hex(SPEC_REQUEST));
    // Section 6.4: read input register 9 (address 8) holding 0x000A is 04 0008 0001 → 04 02 000A.
    link.deliver(hex("0002 0000 0006 11 04 0008 0001"));
    assertThat(link.written).containsExactly(normal(SPEC_RESPONSE), normal("0002 0000 0005 11 04 02 000A"));
    assertThat(server.stats().requests()).isEqualTo(2);
  }

  @Test
  void pipelinedReadsAreAnsweredInOrderInOneWrite() {
    RecordingLink link = serve(ModbusServer.create(ModbusMode.TCP, 0x11, new ProcessImageService(image)));
    link.deliver(hex(SPEC_REQUEST + "0002 0000 0006 11 03 006D 0001"));
    assertThat(link.written).containsExactly(normal(SPEC_RESPONSE + "0002 0000 0005 11 03 02 0064"));
  }

  @Test
  void readsOutsideTheImageOrTheProtocolLimitsStillGetTheirExceptions() {
    RecordingLink link = serve(ModbusServer.create(ModbusMode.TCP, 0x11, new ProcessImageService(image)));
    link.deliver(hex("0003 0000 0006 11 03 00C7 0002")); // 199..200: past the 200-register image
    link.deliver(hex("0004 0000 0006 11 04 0000 007E")); // quantity 126
    assertThat(link.written).containsExactly(normal("0003 0000 0003 11 83 02"), normal("0004 0000 0003 11 84 03"));
  }

  @Test
  void aSubclassThatOverridesTheReadIsAskedInstead() {
    ProcessImageService doubled = new ProcessImageService(image) {
      @Override
      protected ModbusResponse readHoldingRegisters(int unitId, ReadHoldingRegistersRequest r) {
        return ReadHoldingRegistersResponse.of(2 * image().register(RegisterTable.HOLDING_REGISTERS, r.address()));
      }
    };
    RecordingLink link = serve(ModbusServer.create(ModbusMode.TCP, 0x11, doubled));
    link.deliver(hex("0005 0000 0006 11 03 006D 0001"));
    assertThat(link.written).containsExactly(normal("0005 0000 0005 11 03 02 00C8"));
  }

  @Test
  void readsServedInPlaceCountAsEventsLikeAnyOther() {
    RecordingLink link = serve(ModbusServer.create(ModbusMode.TCP, 0x11, new ProcessImageService(image)));
    link.deliver(hex(SPEC_REQUEST));
    link.deliver(hex(SPEC_REQUEST));
    link.deliver(hex("0003 0000 0006 11 03 00C7 0002")); // an exception response: not an event
    // Serial line spec 6.9: get comm event counter → 0B, status 0000, event count.
    link.deliver(hex("0004 0000 0002 11 0B"));
    assertThat(link.written).last().isEqualTo(normal("0004 0000 0006 11 0B 0000 0002"));
  }
}
