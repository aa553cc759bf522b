package io.emms.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipeLinkTest {

  @Test
  void deliversInOrderToPeerAndRefusesWritesWhenClosed() throws Exception {
    PipeLink[] ends = PipeLink.pair("t");
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    ends[1].setListener(data -> received.add(ByteBufUtil.hexDump(data)));
    ends[0].open();
    ends[1].open();
    ends[0].write(Unpooled.wrappedBuffer(new byte[] {0x68, 0x01}));
    ends[0].write(Unpooled.wrappedBuffer(new byte[] {0x16}));
    assertThat(received.poll(2, TimeUnit.SECONDS)).isEqualTo("6801");
    assertThat(received.poll(2, TimeUnit.SECONDS)).isEqualTo("16");
    ends[0].close();
    ByteBuf late = Unpooled.buffer().writeByte(1);
    assertThatThrownBy(() -> ends[0].write(late).join()).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(LinkException.class);
    assertThat(late.refCnt()).isZero();
    ends[1].close();
  }
}
