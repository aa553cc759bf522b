package io.emms.modbus.client;

import io.emms.core.link.FrameDecoder;
import io.emms.modbus.frame.AsciiFrameDecoder;
import io.emms.modbus.frame.FramingStats;
import io.emms.modbus.frame.MbapFrameDecoder;
import io.emms.modbus.frame.ModbusFrame;
import io.emms.modbus.frame.RtuFrameDecoder;
import io.emms.modbus.pdu.Direction;
import java.util.concurrent.atomic.LongAdder;

/** What the exchanges of one client share: the framing's decoder, the mode and a counter of foreign replies. */
final class ModbusWire {

  final ModbusMode mode;
  final String linkName;
  final long timeoutMillis;
  final FrameDecoder<? extends ModbusFrame> decoder;
  private final FramingStats decoderStats;
  private final LongAdder foreignUnit = new LongAdder();

  ModbusWire(ModbusClientConfig config, String linkName) {
    this.mode = config.mode();
    this.linkName = linkName;
    this.timeoutMillis = config.timeout().toMillis();
    switch (mode) {
      case TCP, UDP -> {
        MbapFrameDecoder mbap = new MbapFrameDecoder();
        decoder = mbap;
        decoderStats = mbap;
      }
      case ASCII -> {
        AsciiFrameDecoder ascii = new AsciiFrameDecoder();
        decoder = ascii;
        decoderStats = ascii;
      }
      default -> {
        RtuFrameDecoder rtu = new RtuFrameDecoder(Direction.RESPONSE);
        decoder = rtu;
        decoderStats = rtu;
      }
    }
  }

  void foreignUnitResponse() {
    foreignUnit.increment();
  }

  long foreignUnitResponses() {
    return foreignUnit.sum();
  }

  FramingStats framingStats() {
    return new Counts(decoderStats.frames(), decoderStats.discardedBytes(), decoderStats.checksumErrors());
  }

  private record Counts(long frames, long discardedBytes, long checksumErrors) implements FramingStats {}
}
