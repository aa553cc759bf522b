package io.emms.dlt645.request;

import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;

/**
 * A read of one data identifier (2007 11H, 1997 01H): the DI, then parameters for the items that take them (2007
 * load records: {@code NN} and a start time).
 *
 * @param dataId the DI, 4 bytes in 2007 and 2 bytes in 1997
 * @param parameters the bytes after the DI, empty for most items; not copied, do not change it afterwards
 */
public record ReadDataRequest(int dataId, byte[] parameters) implements Dlt645Request {

  private static final byte[] NONE = new byte[0];

  public ReadDataRequest {
    parameters = parameters == null ? NONE : parameters;
    if (parameters.length > 200 - 4) {
      throw new IllegalArgumentException("read parameters cannot exceed 196 bytes, got " + parameters.length);
    }
  }

  @Override
  public Dlt645Function function() {
    return Dlt645Function.READ_DATA;
  }

  @Override
  public void writeData(Dlt645Edition edition, ByteBuf out) {
    Dlt645DataId.write(dataId, edition, out);
    out.writeBytes(parameters);
  }
}
