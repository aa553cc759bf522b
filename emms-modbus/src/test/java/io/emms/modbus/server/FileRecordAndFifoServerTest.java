package io.emms.modbus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.frame.Crc16;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Functions 0x14, 0x15 and 0x18 served from a {@link ProcessImage}, byte for byte against the examples of the
 * Modbus Application Protocol v1.1b3 sections 6.14, 6.15 and 6.18 (MBAP header, unit 1, written by hand).
 */
class FileRecordAndFifoServerTest {

  private final ProcessImage image = new ProcessImage(10);

  private static ByteBuf hex(String s) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(s.replace(" ", "")));
  }

  private RecordingLink server(ModbusMode mode) {
    RecordingLink link = new RecordingLink();
    ModbusServer.create(mode, 1, new ProcessImageService(image)).attach(link);
    return link;
  }

  /** The spec's example files: file 4 records 1..2 = 0DFE 0020, file 3 records 9..10 = 33CD 0040. */
  private void specFiles() {
    image.defineFile(4, 20);
    image.defineFile(3, 20);
    image.setFileRecord(4, 1, 0x0DFE);
    image.setFileRecord(4, 2, 0x0020);
    image.setFileRecord(3, 9, 0x33CD);
    image.setFileRecord(3, 10, 0x0040);
  }

  @Test
  void readFileRecordAnswersTheSpecExample() {
    specFiles();
    RecordingLink link = server(ModbusMode.TCP);
    link.deliver(hex("0001 0000 0011 01 14 0E 06 0004 0001 0002 06 0003 0009 0002"));
    assertThat(link.written).containsExactly("00010000000f01" + "140c05060dfe0020050633cd0040");
  }

  @Test
  void writeFileRecordStoresTheRegistersAndEchoes() {
    image.defineFile(4, 20);
    RecordingLink link = server(ModbusMode.TCP);
    link.deliver(hex("0002 0000 0010 01 15 0D 06 0004 0007 0003 06AF 04BE 100D"));
    assertThat(link.written).containsExactly("00020000001001" + "150d06000400070003" + "06af04be100d");
    assertThat(image.fileRecord(4, 7)).isEqualTo(0x06AF);
    assertThat(image.fileRecord(4, 9)).isEqualTo(0x100D);
  }

  @Test
  void aWriteNamingAMissingFileWritesNothing() {
    image.defineFile(4, 20);
    RecordingLink link = server(ModbusMode.TCP);
    // sub-request 1 fits file 4, sub-request 2 names file 5, which does not exist
    link.deliver(hex("0003 0000 0015 01 15 12 06 0004 0000 0001 1111 06 0005 0000 0001 2222"));
    assertThat(link.written).containsExactly("00030000000301" + "9502");
    assertThat(image.fileRecord(4, 0)).isZero();
  }

  @Test
  void readFifoQueueAnswersTheSpecExample() {
    image.setFifoQueue(0x04DE, 0x01B8, 0x1284);
    RecordingLink link = server(ModbusMode.TCP);
    link.deliver(hex("0004 0000 0004 01 18 04DE"));
    assertThat(link.written).containsExactly("00040000000a01" + "1800060002" + "01b81284");
    assertThat(image.fifoQueueLength(0x04DE)).as("reading does not clear the queue").isEqualTo(2);
  }

  @Test
  void fifoRefusalsFollowTheSpec() {
    image.setFifoQueue(7, new int[32]);
    RecordingLink link = server(ModbusMode.TCP);
    link.deliver(hex("0005 0000 0004 01 18 0007")); // 32 queued: 03
    link.deliver(hex("0006 0000 0004 01 18 0008")); // no queue: 02
    link.deliver(hex("0007 0000 0011 01 14 0E 06 0004 0001 0002 06 0003 0009 0002")); // no files: 02
    assertThat(link.written).containsExactly(
        "00050000000301" + "9803", "00060000000301" + "9802", "00070000000301" + "9402");
  }

  @Test
  void rtuServerCutsTheNewFunctionsByLength() {
    specFiles();
    image.setFifoQueue(0x04DE, 0x01B8, 0x1284);
    RecordingLink link = server(ModbusMode.RTU);
    // both requests in one read, so only the length rules (not line idle time) can separate them
    byte[] read = rtu("01 14 0E 06 0004 0001 0002 06 0003 0009 0002");
    byte[] fifo = rtu("01 18 04DE");
    link.deliver(Unpooled.wrappedBuffer(read, fifo));
    // the two replies leave in one write, each followed by its CRC
    assertThat(link.written).singleElement().asString()
        .matches("01140c05060dfe0020050633cd0040[0-9a-f]{4}" + "0118000600020" + "1b81284[0-9a-f]{4}");
  }

  @Test
  void imageChecksFileAndQueueBounds() {
    image.defineFile(4, 20);
    assertThat(image.containsRecords(4, 19, 1)).isTrue();
    assertThat(image.containsRecords(4, 19, 2)).isFalse();
    assertThat(image.containsRecords(5, 0, 1)).isFalse();
    assertThat(image.fifoQueueLength(1)).isEqualTo(-1);
    assertThatThrownBy(() -> image.fileRecord(4, 20)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> image.defineFile(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> image.defineFile(1, 10001)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] rtu(String hex) {
    byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
    byte[] frame = java.util.Arrays.copyOf(body, body.length + 2);
    int crc = Crc16.compute(body, 0, body.length);
    frame[body.length] = (byte) crc;
    frame[body.length + 1] = (byte) (crc >>> 8);
    return frame;
  }
}
