package io.emms.dlt645.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.core.meter.RelayCommand;
import io.emms.dlt645.codec.Dlt645Bcd;
import io.emms.dlt645.codec.Dlt645Edition;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The typed requests the master encodes and the simulated meter parses. Vectors from DL/T 645-2007: relay control
 * (1CH) command block {@code N1 N2 N3..N8} = code, reserved 00, deadline ss mm hh DD MM YY in BCD; read data (11H)
 * DATA = DI low byte first, then parameters.
 */
class RequestRecordsTest {

  private static String hex(RelayRequest request) {
    ByteBuf out = Unpooled.buffer();
    request.writeData(Dlt645Edition.V2007, out);
    return ByteBufUtil.hexDump(out);
  }

  @Test
  void aTripValidUntilADeadlineIsItsCodeAReservedByteAndTheDeadlineInBcd() {
    RelayRequest trip = new RelayRequest(RelayCommand.TRIP, LocalDateTime.of(2026, 12, 3, 16, 30, 5));
    assertThat(hex(trip)).isEqualTo("1a00053016031226");
    assertThat(RelayRequest.parse(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("1a00053016031226")), 0))
        .contains(trip);
  }

  @Test
  void everyRelayCommandHasOneCodeThatParsesBack() {
    for (RelayCommand command : RelayCommand.values()) {
      assertThat(RelayRequest.commandOf(RelayRequest.code(command))).contains(command);
    }
    assertThat(RelayRequest.code(RelayCommand.KEEP_POWER_RELEASE)).isEqualTo(0x3B);
    assertThat(RelayRequest.commandOf(0x1D)).isEmpty();
  }

  @Test
  void aBlockWithAnUnknownCodeOrAnImpossibleDeadlineIsRefused() {
    assertThat(RelayRequest.parse(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("1d00053016031226")), 0)).isEmpty();
    assertThat(RelayRequest.parse(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("1a00053016321226")), 0)).isEmpty();
    assertThat(RelayRequest.parse(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("1a000530160A1226")), 0)).isEmpty();
  }

  @Test
  void relayRequestsValidateWhatTheWireCannotCarry() {
    assertThatThrownBy(() -> new RelayRequest(RelayCommand.TRIP, LocalDateTime.of(2100, 1, 1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    RelayRequest trip = new RelayRequest(RelayCommand.TRIP, LocalDateTime.of(2026, 1, 1, 0, 0));
    assertThatThrownBy(() -> trip.writeData(Dlt645Edition.V1997, Unpooled.buffer()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReadCarriesItsDiLowByteFirstThenItsParameters() {
    ByteBuf out = Unpooled.buffer();
    new ReadDataRequest(0x06000002, new byte[] {0x05}).writeData(Dlt645Edition.V2007, out);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("0200000605");
    out.clear();
    new ReadDataRequest(0x9010, null).writeData(Dlt645Edition.V1997, out);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("1090");
  }

  @Test
  void bcdIsWrittenLowByteFirstAndSaturates() {
    ByteBuf out = Unpooled.buffer();
    Dlt645Bcd.writeUnsigned(out, 120642, 4);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("42061200");
    assertThat(Dlt645Bcd.readUnsigned(out, 0, 4)).isEqualTo(120642);
    out.clear();
    Dlt645Bcd.writeUnsigned(out, 12345, 2);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("9999");
    assertThat(Dlt645Bcd.readUnsigned(Unpooled.wrappedBuffer(new byte[] {0x1A}), 0, 1)).isEqualTo(-1);
    assertThatThrownBy(() -> Dlt645Bcd.toByte(100)).isInstanceOf(IllegalArgumentException.class);
  }
}
