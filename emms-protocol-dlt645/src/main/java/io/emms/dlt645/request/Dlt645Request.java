package io.emms.dlt645.request;

import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;

/** A request from a master to a meter: its function and the plain (un-offset) DATA it carries. */
public sealed interface Dlt645Request permits ReadDataRequest, RelayRequest {

  /** The function the request's control code carries. */
  Dlt645Function function();

  /** Writes the plain DATA of the request as {@code edition} lays it out. */
  void writeData(Dlt645Edition edition, ByteBuf out);
}
