package io.emms.cli.dtu;

import io.emms.core.link.Link;
import io.emms.core.link.LinkListener;
import io.emms.transport.dtu.DtuClient;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The RS-485 bus behind a simulated DTU, shared by several responders (a DL/T 645 simulator, Modbus servers): each
 * gets a view of the DTU's link that sees every byte the master sends, as every device on a bus does, and whose
 * writes go out through the DTU. Each responder ignores what is not its own.
 */
final class SerialSide {

  private final DtuClient dtu;
  private final List<View> views = new CopyOnWriteArrayList<>();

  SerialSide(DtuClient dtu) {
    this.dtu = dtu;
    dtu.setListener(new LinkListener() {
      @Override
      public void onData(ByteBuf data) {
        for (View view : views) {
          view.listener.onData(data.duplicate());
        }
      }

      @Override
      public void onOpen() {
        views.forEach(view -> view.listener.onOpen());
      }

      @Override
      public void onClosed(Throwable cause) {
        views.forEach(view -> view.listener.onClosed(cause));
      }
    });
  }

  /** A new device's view of the bus. */
  Link attach(String name) {
    View view = new View(name);
    views.add(view);
    return view;
  }

  /** One device's end of the bus; opening it dials the DTU in, closing it leaves the DTU to its owner. */
  private final class View implements Link {
    private final String name;
    private volatile LinkListener listener = data -> {};

    View(String name) {
      this.name = dtu.name() + "/" + name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public CompletableFuture<Void> open() {
      return dtu.open();
    }

    @Override
    public boolean isOpen() {
      return dtu.isOpen();
    }

    @Override
    public CompletableFuture<Void> write(ByteBuf data) {
      return dtu.write(data);
    }

    @Override
    public void setListener(LinkListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
      return CompletableFuture.completedFuture(null);
    }
  }
}
