package io.emms.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServerMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) throws Exception {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return ServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void unknownArgumentsPrintTheUsage() throws Exception {
    assertThat(run("", "serve", "--now")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("create-admin --username NAME");
  }

  @Test
  void createAdminWithoutAPasswordOnStdinStopsBeforeTouchingTheDatabase() throws Exception {
    assertThat(run("", "create-admin", "--username", "admin")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password");
  }
}
