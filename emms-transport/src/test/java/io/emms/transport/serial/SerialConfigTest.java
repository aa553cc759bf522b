package io.emms.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerialConfigTest {

  @Test
  void defaultsAreDlt645Framing() {
    SerialConfig config = SerialConfig.of("/dev/ttyUSB0");

    assertThat(config.baudRate()).isEqualTo(2400);
    assertThat(config.dataBits()).isEqualTo(8);
    assertThat(config.parity()).isEqualTo(Parity.EVEN);
    assertThat(config.stopBits()).isEqualTo(StopBits.ONE);
    assertThat(config.flowControl()).isEqualTo(FlowControl.NONE);
    assertThat(config.rs485()).isEmpty();
    assertThat(config.framing()).isEqualTo("2400-8E1");
  }

  @Test
  void builderSetsEveryField() {
    SerialConfig config = SerialConfig.builder("COM3")
        .baudRate(9600)
        .dataBits(7)
        .parity(Parity.MARK)
        .stopBits(StopBits.ONE_POINT_FIVE)
        .flowControl(FlowControl.RTS_CTS)
        .rs485(Rs485Config.defaults())
        .build();

    assertThat(config.framing()).isEqualTo("9600-7M1.5");
    assertThat(config.flowControl()).isEqualTo(FlowControl.RTS_CTS);
    assertThat(config.rs485()).contains(new Rs485Config(true, false, false, 0, 0));
  }

  @Test
  void rejectsImpossibleSettings() {
    assertThatThrownBy(() -> SerialConfig.builder("x").dataBits(9).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SerialConfig.builder("x").baudRate(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SerialConfig.builder(" ").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rs485Config(true, false, false, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
