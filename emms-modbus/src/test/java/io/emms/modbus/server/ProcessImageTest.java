package io.emms.modbus.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emms.modbus.client.RegisterOrder;
import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.client.ValueFormat;
import io.emms.modbus.client.ValueType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProcessImageTest {

  @Test
  void registersAreCopiedBigEndian() {
    ProcessImage image = new ProcessImage(10);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 1, 0x1234);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 2, 0xABCD);
    ByteBuf out = Unpooled.buffer();
    try {
      image.readRegisters(RegisterTable.HOLDING_REGISTERS, 0, 3, out);
      assertThat(ByteBufUtil.hexDump(out)).isEqualTo("00001234abcd");
    } finally {
      out.release();
    }
  }

  @Test
  void bitsArePackedLeastSignificantFirst() {
    // Modbus spec example for FC01: coils 20..38 -> CD 6B B2 0E 1B; here coils 0..18 with the same pattern.
    ProcessImage image = new ProcessImage(32);
    ByteBuf in = Unpooled.wrappedBuffer(new byte[] {(byte) 0xCD, 0x6B, 0x05});
    ByteBuf out = Unpooled.buffer();
    try {
      image.writeBits(RegisterTable.COILS, 0, 19, in);
      assertThat(image.bit(RegisterTable.COILS, 0)).isTrue();
      assertThat(image.bit(RegisterTable.COILS, 1)).isFalse();
      assertThat(image.bit(RegisterTable.COILS, 18)).isTrue();
      assertThat(image.bit(RegisterTable.COILS, 19)).isFalse();
      image.readBits(RegisterTable.COILS, 0, 19, out);
      assertThat(ByteBufUtil.hexDump(out)).isEqualTo("cd6b05");
    } finally {
      in.release();
      out.release();
    }
  }

  @Test
  void typedValuesAreWrittenInPlace() {
    ProcessImage image = new ProcessImage(0, 0, 0, 4);
    ValueFormat f = ValueFormat.of(ValueType.FLOAT32, RegisterOrder.ABCD);
    image.setValue(RegisterTable.INPUT_REGISTERS, 2, f, new BigDecimal("230"));
    assertThat(image.register(RegisterTable.INPUT_REGISTERS, 2)).isEqualTo(0x4366);
    assertThat(image.register(RegisterTable.INPUT_REGISTERS, 3)).isZero();
    assertThat(image.value(RegisterTable.INPUT_REGISTERS, 2, f)).isEqualByComparingTo("230");
    image.setNaN(RegisterTable.INPUT_REGISTERS, 2, f);
    assertThat(image.value(RegisterTable.INPUT_REGISTERS, 2, f)).isNull();
  }

  @Test
  void maskWriteFollowsTheSpecExample() {
    // MODBUS Application Protocol 6.16: current 0x12, AND 0xF2, OR 0x25 -> 0x17.
    ProcessImage image = new ProcessImage(8);
    image.setRegister(RegisterTable.HOLDING_REGISTERS, 4, 0x12);
    assertThat(image.maskWrite(4, 0xF2, 0x25)).isEqualTo(0x17);
    assertThat(image.register(RegisterTable.HOLDING_REGISTERS, 4)).isEqualTo(0x17);
  }

  @Test
  void rangesOutsideTheTableAreRejected() {
    ProcessImage image = new ProcessImage(10, 0, 10, 10);
    assertThat(image.contains(RegisterTable.HOLDING_REGISTERS, 8, 2)).isTrue();
    assertThat(image.contains(RegisterTable.HOLDING_REGISTERS, 8, 3)).isFalse();
    assertThat(image.contains(RegisterTable.DISCRETE_INPUTS, 0, 1)).isFalse();
    assertThatThrownBy(() -> image.register(RegisterTable.HOLDING_REGISTERS, 10))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
