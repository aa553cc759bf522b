package io.emms.dlt645.request;

import io.emms.core.meter.RelayCommand;
import io.emms.dlt645.codec.Dlt645Bcd;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The command block {@code N1..N8} of a 2007 relay control (1CH): the command code, a reserved {@code 00}, and the
 * validity deadline {@code ss mm hh DD MM YY} in the meter's local time. On the wire it follows the password and
 * operator code, or is encrypted by the ESAM; this record is the plain block both sides agree on.
 *
 * @param command what the relay (or alarm, or keep-power state) is to do
 * @param validUntil the meter refuses the command after this local time; seconds resolution, years 2000..2099
 */
public record RelayRequest(RelayCommand command, LocalDateTime validUntil) implements Dlt645Request {

  /** The length of the plain command block. */
  public static final int LENGTH = 8;

  public RelayRequest {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(validUntil, "validUntil");
    if (validUntil.getYear() < 2000 || validUntil.getYear() > 2099) {
      throw new IllegalArgumentException("a DL/T 645 deadline lies in 2000..2099, got " + validUntil);
    }
    validUntil = validUntil.withNano(0);
  }

  @Override
  public Dlt645Function function() {
    return Dlt645Function.RELAY_CONTROL;
  }

  /** Writes the 8-byte command block; the edition is always 2007, which alone has relay control. */
  @Override
  public void writeData(Dlt645Edition edition, ByteBuf out) {
    if (edition != Dlt645Edition.V2007) {
      throw new IllegalArgumentException("relay control exists in DL/T 645-2007 only");
    }
    out.writeByte(code(command)).writeByte(0x00);
    LocalDateTime t = validUntil;
    out.writeByte(Dlt645Bcd.toByte(t.getSecond())).writeByte(Dlt645Bcd.toByte(t.getMinute()))
        .writeByte(Dlt645Bcd.toByte(t.getHour())).writeByte(Dlt645Bcd.toByte(t.getDayOfMonth()))
        .writeByte(Dlt645Bcd.toByte(t.getMonthValue())).writeByte(Dlt645Bcd.toByte(t.getYear() % 100));
  }

  /** The command block at {@code index}, or empty for an unknown command code or an unreadable deadline. */
  public static Optional<RelayRequest> parse(ByteBuf block, int index) {
    Optional<RelayCommand> command = commandOf(block.getUnsignedByte(index));
    int[] f = new int[6];
    for (int i = 0; i < 6; i++) {
      f[i] = Dlt645Bcd.digitPair(block.getUnsignedByte(index + 2 + i));
      if (f[i] < 0) {
        return Optional.empty();
      }
    }
    try {
      LocalDateTime deadline = LocalDateTime.of(2000 + f[5], f[4], f[3], f[2], f[1], f[0]);
      return command.map(c -> new RelayRequest(c, deadline));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The code {@code N1} of a command (DL/T 645-2007 table of relay control commands). */
  public static int code(RelayCommand command) {
    return switch (command) {
      case TRIP -> 0x1A;
      case CLOSE_ALLOWED -> 0x1B;
      case CLOSE_DIRECT -> 0x1C;
      case ALARM -> 0x2A;
      case ALARM_RELEASE -> 0x2B;
      case KEEP_POWER -> 0x3A;
      case KEEP_POWER_RELEASE -> 0x3B;
    };
  }

  /** The command a code {@code N1} stands for, or empty for a code the table does not have. */
  public static Optional<RelayCommand> commandOf(int code) {
    for (RelayCommand command : RelayCommand.values()) {
      if (code(command) == code) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }
}
