package io.emms.cli.dlt645;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.cli.CliRun;
import io.emms.cli.output.JsonOutput;
import org.junit.jupiter.api.Test;

/** The worked frames of ../shared/docs/dlt645.md, decoded by {@code emms decode}. */
class Dlt645DecodeCommandTest {

  private static JsonNode decodeOne(String... args) throws Exception {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(1);
    return JsonOutput.mapper().readTree(run.outLines()[0]);
  }

  @Test
  void readRequest2007() throws Exception {
    JsonNode j = decodeOne("decode", "--protocol", "dlt645", "68 25 04 03 02 01 00 68 11 04 33 33 34 33 E1 16");
    assertThat(j.get("edition").asText()).isEqualTo("2007");
    assertThat(j.get("address").asText()).isEqualTo("000102030425");
    assertThat(j.get("control").asText()).isEqualTo("11");
    assertThat(j.get("function").asText()).isEqualTo("READ_DATA");
    assertThat(j.get("direction").asText()).isEqualTo("request");
    assertThat(j.get("errorReply").asBoolean()).isFalse();
    assertThat(j.get("di").asText()).isEqualTo("00010000");
    assertThat(j.get("values")).isEmpty();
    assertThat(j.get("checksumOk").asBoolean()).isTrue();
  }

  @Test
  void readReply2007GivesExactEnergy() throws Exception {
    JsonNode j = decodeOne("decode", "--protocol", "dlt645", "--edition", "2007",
        "68 25 04 03 02 01 00 68 91 08 33 33 34 33 75 39 45 33 8B 16");
    assertThat(j.get("direction").asText()).isEqualTo("response");
    assertThat(j.get("di").asText()).isEqualTo("00010000");
    JsonNode v = j.get("values").get(0);
    assertThat(v.get("value").decimalValue()).isEqualByComparingTo("1206.42");
    assertThat(v.get("value").isNumber()).isTrue();
    assertThat(v.get("unit").asText()).isEqualTo("kWh");
  }

  @Test
  void broadcastTimeSync() throws Exception {
    JsonNode j = decodeOne("decode", "--protocol", "dlt645", "68 99 99 99 99 99 99 68 08 06 84 55 43 38 39 4A 4B 16");
    assertThat(j.get("address").asText()).isEqualTo("999999999999");
    assertThat(j.get("function").asText()).isEqualTo("BROADCAST_TIME_SYNC");
    assertThat(j.get("values").get(0).get("value").asText()).isEqualTo("2017-06-05T10:22:51");
  }

  @Test
  void errorReplyWithWakeUpBytes() throws Exception {
    JsonNode j = decodeOne("decode", "--protocol", "dlt645", "FE FE FE FE 68 60 07 92 04 00 91 68 D1 01 37 67 16");
    assertThat(j.get("address").asText()).isEqualTo("910004920760");
    assertThat(j.get("control").asText()).isEqualTo("D1");
    assertThat(j.get("errorReply").asBoolean()).isTrue();
    assertThat(j.get("error").get("code").asText()).isEqualTo("04");
    assertThat(j.get("error").get("reasons")).extracting(JsonNode::asText).containsExactly("PASSWORD_ERROR");
  }

  @Test
  void edition1997RequestAndReplyRecognised() throws Exception {
    JsonNode req = decodeOne("decode", "--protocol", "dlt645", "68 03 00 00 00 00 00 68 01 02 44 E9 03 16");
    assertThat(req.get("edition").asText()).isEqualTo("1997");
    assertThat(req.get("di").asText()).isEqualTo("B611");
    JsonNode reply = decodeOne("decode", "--protocol", "dlt645", "--edition", "1997",
        "68 03 00 00 00 00 00 68 81 04 44 E9 33 34 EC 16");
    assertThat(reply.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("100");
    assertThat(reply.get("values").get(0).get("unit").asText()).isEqualTo("V");
  }

  @Test
  void unquotedBytesAreOneFrameAndBadChecksumIsReported() throws Exception {
    // Last data byte + checksum changed by one: 8B -> 8C is wrong for the same data.
    CliRun run = CliRun.of("decode", "--protocol", "dlt645",
        "68", "25", "04", "03", "02", "01", "00", "68", "91", "08", "33", "33", "34", "33", "75", "39", "45", "33", "8C", "16");
    assertThat(run.exitCode()).as("a wrong checksum is bad input").isEqualTo(2);
    assertThat(run.err()).startsWith("emms decode: wrong checksum in 68 25 04");
    JsonNode j = JsonOutput.mapper().readTree(run.outLines()[0]);
    assertThat(j.get("checksumOk").asBoolean()).isFalse();
    assertThat(j.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("1206.42");
  }

  @Test
  void notAFrameExitsTwoWithOneLine() {
    CliRun run = CliRun.of("decode", "--protocol", "dlt645", "68 25 04 03");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).hasSize(1).first().asString().contains("at least 12 bytes");
    assertThat(CliRun.of("decode", "--protocol", "dlt645", "zz").exitCode()).isEqualTo(2);
    CliRun wrongLength = CliRun.of("decode", "--protocol", "dlt645", "68 25 04 03 02 01 00 68 11 05 33 33 34 33 E1 16");
    assertThat(wrongLength.exitCode()).isEqualTo(2);
    assertThat(wrongLength.err()).contains("L = 5");
  }
}
