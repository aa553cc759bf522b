package io.emms.modbus.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function code, both directions, against the worked examples of the Modbus Application Protocol
 * Specification v1.1b3 section 6, kept as data in {@code golden/modbus-application-v1.1b3.vectors} (hex copied
 * from the specification's tables, not produced by our encoder, each line citing its section).
 */
class ModbusPduGoldenTest {

  static final String FILE = "modbus-application-v1.1b3.vectors";

  static List<GoldenVector> vectors() {
    return GoldenVector.load(FILE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesTheSpecExample(GoldenVector vector) throws Exception {
    ByteBuf wire = Hex.buf(vector.hex());
    int readerIndex = wire.readerIndex();

    ModbusPdu decoded = ModbusPduDecoder.decode(wire, vector.direction());

    assertThat(PduText.describe(decoded)).as(vector.source()).isEqualTo(vector.expected());
    assertThat(wire.readerIndex()).as("decoder leaves the input's indices alone").isEqualTo(readerIndex);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void encodesTheSpecExample(GoldenVector vector) throws Exception {
    ModbusPdu pdu = ModbusPduDecoder.decode(Hex.buf(vector.hex()), vector.direction());
    ByteBuf out = Unpooled.buffer(8);
    out.writeByte(0x99); // something already in the buffer must stay in front

    int written = ModbusPduEncoder.encode(pdu, out);

    assertThat(Hex.of(out)).as(vector.source()).isEqualTo("99 " + vector.hex());
    assertThat(written).isEqualTo(Hex.bytes(vector.hex()).length);
  }

  @Test
  void everyTypedFunctionHasARequestAndAResponseVector() throws Exception {
    Set<FunctionCode> requests = EnumSet.noneOf(FunctionCode.class);
    Set<FunctionCode> responses = EnumSet.noneOf(FunctionCode.class);
    for (GoldenVector v : vectors()) {
      ModbusPdu pdu = ModbusPduDecoder.decode(Hex.buf(v.hex()), v.direction());
      if (!(pdu instanceof RawPdu) && !(pdu instanceof ExceptionResponse)) {
        (v.direction() == Direction.REQUEST ? requests : responses).add(FunctionCode.of(pdu.functionCode()));
      }
    }
    assertThat(requests).containsExactlyInAnyOrder(FunctionCode.values());
    assertThat(responses).containsExactlyInAnyOrder(FunctionCode.values());
  }

  @Test
  void aRecordBuiltInCodeMatchesItsVector() throws Exception {
    // The same three examples built through the public constructors, so the data file and the API agree.
    assertThat(decode("REQUEST", "18 04 DE")).isEqualTo(new ReadFifoQueueRequest(0x04DE));
    assertThat(decode("RESPONSE", "18 00 06 00 02 01 B8 12 84")).isEqualTo(ReadFifoQueueResponse.of(0x01B8, 0x1284));
    assertThat(decode("REQUEST", "15 0D 06 00 04 00 07 00 03 06 AF 04 BE 10 0D"))
        .isEqualTo(WriteFileRecordRequest.of(4, 7, 0x06AF, 0x04BE, 0x100D));
    assertThat(decode("REQUEST", "14 0E 06 00 04 00 01 00 02 06 00 03 00 09 00 02"))
        .isEqualTo(new ReadFileRecordRequest(
            List.of(new FileRecordReference(4, 1, 2), new FileRecordReference(3, 9, 2))));
  }

  private static ModbusPdu decode(String direction, String hex) throws ModbusDecodeException {
    return ModbusPduDecoder.decode(Hex.buf(hex), Direction.valueOf(direction));
  }
}
