package io.emms.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Two connected pseudo-terminals made by socat, for serial tests without hardware; shared through the test jar. */
public final class SocatPtyPair implements AutoCloseable {

  private final Process socat;
  private final Path a;
  private final Path b;

  private SocatPtyPair(Process socat, Path a, Path b) {
    this.socat = socat;
    this.a = a;
    this.b = b;
  }

  /** Whether socat is on the path. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts socat and waits until both pty links exist. */
  public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Process socat = new ProcessBuilder(
            "socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("socat.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!socat.isAlive() || System.nanoTime() > deadline) {
        socat.destroyForcibly();
        throw new IOException("socat did not create " + a + " and " + b + ": "
            + Files.readString(dir.resolve("socat.log")));
      }
      Thread.sleep(20);
    }
    return new SocatPtyPair(socat, a.toRealPath(), b.toRealPath());
  }

  /** One end, as the pty device the link points to (/dev/pts/N): what a serial library opens. */
  public String a() {
    return a.toString();
  }

  /** The other end. */
  public String b() {
    return b.toString();
  }

  @Override
  public void close() throws InterruptedException {
    socat.destroy();
    if (!socat.waitFor(5, TimeUnit.SECONDS)) {
      socat.destroyForcibly();
    }
  }
}
