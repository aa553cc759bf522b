package io.emms.dlt645.client;

import io.emms.core.meter.MeterException;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.emms.dlt645.request.ReadDataRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * A read of one DI, with follow-up frames (2007 12H with SEQ, 1997 02H) requested and joined transparently.
 */
final class ReadExchange extends Exchange<Dlt645ReadResult> {

  private final int dataId;
  private final ReadDataRequest request;
  private final int maxFollowUps;
  private int followUps;
  private int frames;
  private Dlt645Address replier;
  private Dlt645ReadResult result;

  ReadExchange(Dlt645Wire wire, Dlt645Address target, Dlt645Edition edition, int dataId, byte[] parameters, int maxFollowUps) {
    super(wire, target, edition, false);
    this.dataId = dataId;
    this.request = new ReadDataRequest(dataId, parameters);
    this.maxFollowUps = maxFollowUps;
  }

  @Override
  Dlt645Function function() {
    return followUps == 0 ? Dlt645Function.READ_DATA : Dlt645Function.READ_FOLLOW_UP;
  }

  @Override
  void writeData(ByteBuf plain) {
    if (followUps == 0) {
      request.writeData(edition, plain);
      return;
    }
    Dlt645DataId.write(dataId, edition, plain);
    if (edition == Dlt645Edition.V2007) {
      plain.writeByte(followUps);
    }
  }

  @Override
  Verdict onReply(Dlt645Frame reply, ByteBuf assembly) {
    int diLength = edition.diLength();
    ByteBuf data = reply.data();
    int end = reply.dataLength();
    if (end < diLength || Dlt645DataId.read(data, 0, edition) != dataId) {
      return Verdict.IGNORE;
    }
    if (followUps > 0 && edition == Dlt645Edition.V2007) {
      // The SEQ echo tells a repeated part from the next one.
      if (end < diLength + 1 || reply.dataByte(end - 1) != (followUps & 0xFF)) {
        return Verdict.IGNORE;
      }
      end--;
    }
    if (frames == 0) {
      assembly.clear();
      replier = reply.address();
    }
    assembly.writeBytes(data, diLength, end - diLength);
    frames++;
    if (reply.hasFollowUp()) {
      if (followUps >= maxFollowUps) {
        throw new MeterException(target.toString(),
            "more than " + maxFollowUps + " follow-up frames for DI " + Dlt645DataId.format(dataId, edition));
      }
      followUps++;
      return Verdict.NEXT;
    }
    result = new Dlt645ReadResult(replier, edition, dataId, ByteBufUtil.getBytes(assembly), frames);
    return Verdict.DONE;
  }

  @Override
  public Dlt645ReadResult result() {
    return result;
  }

  @Override
  public boolean repeatable() {
    // A 1997 follow-up request carries no sequence number: repeating it could skip a part.
    return followUps == 0 || edition == Dlt645Edition.V2007;
  }
}
