package io.emms.cli.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import org.junit.jupiter.api.Test;

/**
 * Frames from the Modbus Application Protocol v1.1b3 examples (FC03: request 03 006B 0003, response 03 06 022B
 * 0000 0064) in MBAP framing, and RTU frames whose CRC-16 (poly A001, init FFFF, low byte first) was computed
 * independently of EMMS.
 */
class ModbusDecodeCommandTest {

  private static JsonNode decodeOne(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JsonOutput.mapper().readTree(run.outLines()[0]);
  }

  @Test
  void tcpRequestAndResponseOfTheSpecExample() throws Exception {
    JsonNode req = decodeOne("decode", "--protocol", "modbus-tcp", "00 01 00 00 00 06 11 03 00 6B 00 03");
    assertThat(req.get("transactionId").asInt()).isEqualTo(1);
    assertThat(req.get("unit").asInt()).isEqualTo(17);
    assertThat(req.get("function").asInt()).isEqualTo(3);
    assertThat(req.get("direction").asText()).isEqualTo("request");
    assertThat(req.get("address").asInt()).isEqualTo(107);
    assertThat(req.get("quantity").asInt()).isEqualTo(3);
    JsonNode resp = decodeOne("decode", "--protocol", "modbus-tcp", "--direction", "response",
        "00 01 00 00 00 09 11 03 06 02 2B 00 00 00 64");
    assertThat(resp.get("values")).extracting(JsonNode::asInt).containsExactly(555, 0, 100);
  }

  @Test
  void rtuFramesWithCrcVerdict() throws Exception {
    JsonNode req = decodeOne("decode", "--protocol", "modbus-rtu", "01 03 00 00 00 0A C5 CD");
    assertThat(req.get("crcOk").asBoolean()).isTrue();
    assertThat(req.get("quantity").asInt()).isEqualTo(10);
    JsonNode resp = decodeOne("decode", "--protocol", "modbus-rtu", "01 03 04 00 01 00 02 2A 32");
    assertThat(resp.get("direction").asText()).isEqualTo("response");
    assertThat(resp.get("values")).extracting(JsonNode::asInt).containsExactly(1, 2);
    CliRun bad = CliRun.of("decode", "--protocol", "modbus-rtu", "--direction", "request", "01 03 00 00 00 0A C5 CE");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualToIgnoringNewLines("emms decode: wrong checksum in 01 03 00 00 00 0A C5 CE");
    assertThat(JsonOutput.mapper().readTree(bad.outLines()[0]).get("crcOk").asBoolean()).isFalse();
  }

  @Test
  void exceptionResponseAndEchoedWrite() throws Exception {
    JsonNode ex = decodeOne("decode", "--protocol", "modbus-rtu", "01 83 02 C0 F1");
    assertThat(ex.get("exception").get("code").asInt()).isEqualTo(2);
    assertThat(ex.get("exception").get("name").asText()).isEqualTo("ILLEGAL_DATA_ADDRESS");
    JsonNode write = decodeOne("decode", "--protocol", "modbus-rtu", "11 06 00 01 00 03 9A 9B");
    assertThat(write.get("unit").asInt()).isEqualTo(17);
    assertThat(write.get("address").asInt()).isEqualTo(1);
    assertThat(write.get("value").asInt()).isEqualTo(3);
  }

  @Test
  void garbageExitsTwo() {
    CliRun run = CliRun.of("decode", "--protocol", "modbus-tcp", "00 01 00 00");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("emms decode: not a Modbus TCP frame");
  }
}
