package io.emms.transport.mqtt.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code mosquitto} started by the test on a free port of 127.0.0.1, with a password file, no anonymous
 * clients and persistence on (saved on shutdown), so that a restart keeps sessions and queued QoS 1 messages.
 * Installed by {@code .ci/run}.
 */
public final class MosquittoBroker implements TestBroker {

  private static final String BINARY = "/usr/sbin/mosquitto";

  private final Path dir;
  private final int port;
  private final String username = "emms";
  private final String password = UUID.randomUUID().toString();
  private Process process;

  private MosquittoBroker(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Whether mosquitto is installed. */
  public static boolean available() {
    return Files.isExecutable(Path.of(BINARY));
  }

  public static MosquittoBroker start(Path dir) throws Exception {
    MosquittoBroker broker = new MosquittoBroker(dir, FreePort.pick());
    broker.configure();
    broker.launch();
    return broker;
  }

  private void configure() throws Exception {
    Path passwords = dir.resolve("passwd");
    Files.writeString(passwords, "");
    Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwords.toString(), username, password)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("mosquitto_passwd failed: " + out);
    }
    Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
        "listener " + port + " 127.0.0.1",
        // Started as root, mosquitto would switch to its own user, who cannot write the test's private folder.
        "user " + System.getProperty("user.name"),
        "allow_anonymous false",
        "password_file " + passwords,
        "persistence true",
        "persistence_location " + dir + "/",
        "autosave_interval 1",
        "max_queued_messages 100000",
        "log_dest file " + dir.resolve("mosquitto.log"),
        ""));
  }

  private void launch() throws Exception {
    process = new ProcessBuilder(BINARY, "-c", dir.resolve("mosquitto.conf").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IOException("mosquitto did not listen on " + port + ": " + Files.readString(dir.resolve("stdout.log")));
        }
        Thread.sleep(50);
      }
    }
  }

  @Override
  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public void restart() throws Exception {
    stop();
    launch();
  }

  private void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
