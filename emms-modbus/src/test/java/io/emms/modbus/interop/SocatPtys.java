package io.emms.modbus.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A connected pair of pseudo-terminals made by {@code socat}, standing in for two ends of a serial cable. */
final class SocatPtys implements AutoCloseable {

  private final Process process;
  private final Path a;
  private final Path b;

  private SocatPtys(Process process, Path a, Path b) {
    this.process = process;
    this.a = a;
    this.b = b;
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat"));
  }

  /** Starts socat and waits until both pty links exist. */
  static SocatPtys start(Path dir) throws IOException, InterruptedException {
    Path a = dir.resolve("ttyA");
    Path b = dir.resolve("ttyB");
    Process p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("socat did not create " + a + " and " + b);
      }
      Thread.sleep(20);
    }
    return new SocatPtys(p, a, b);
  }

  /** The real device path of end A (jSerialComm wants the /dev/pts name, not the link). */
  String a() throws IOException {
    return a.toRealPath().toString();
  }

  String b() throws IOException {
    return b.toRealPath().toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
