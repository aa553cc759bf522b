package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;

/** A single-frame request: write, address, freeze, baud, password, clears, relay, output, authentication. */
final class CommandExchange<T> extends Exchange<T> {

  /** Turns a normal reply into the result; throws a {@code MeterException} when the reply is malformed. */
  @FunctionalInterface
  interface ReplyParser<T> {
    T parse(Dlt645Frame reply);
  }

  private final Dlt645Function function;
  private final byte[] data;
  private final ReplyParser<T> parser;
  private T result;

  CommandExchange(Dlt645Wire wire, Dlt645Address target, Dlt645Edition edition, Dlt645Function function, byte[] data,
      boolean changesMeter, ReplyParser<T> parser) {
    super(wire, target, edition, changesMeter);
    this.function = function;
    this.data = data;
    this.parser = parser;
  }

  @Override
  Dlt645Function function() {
    return function;
  }

  @Override
  void writeData(ByteBuf plain) {
    plain.writeBytes(data);
  }

  @Override
  Verdict onReply(Dlt645Frame reply, ByteBuf assembly) {
    result = parser.parse(reply);
    return Verdict.DONE;
  }

  @Override
  public T result() {
    return result;
  }
}
