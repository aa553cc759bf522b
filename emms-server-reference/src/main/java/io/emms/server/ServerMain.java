package io.emms.server;

import io.emms.server.auth.AuthService;
import io.emms.server.auth.Role;
import io.emms.server.auth.internal.LoginRateLimiter;
import io.emms.server.config.ConfigException;
import io.emms.server.config.ConfigLoader;
import io.emms.server.config.ServerConfig;
import io.emms.server.db.AuditLog;
import io.emms.server.db.Database;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.db.SessionStore;
import io.emms.server.db.UserStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar emms-server.jar} starts the server; {@code java -jar emms-server.jar create-admin --username
 * NAME} creates an administrator with a password read from standard input, against the same configuration and
 * data directory (stop the server first when it runs the embedded database: the database files are locked).
 */
public final class ServerMain {

  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    ServerConfig config;
    try {
      config = ConfigLoader.fromEnvironment();
    } catch (ConfigException e) {
      err.println("configuration: " + e.getMessage());
      return 2;
    }
    if (args.length == 0) {
      return serve(config, out);
    }
    if (args.length == 3 && args[0].equals("create-admin") && args[1].equals("--username")) {
      return createAdmin(config, args[2], out, err);
    }
    err.println("usage: java -jar emms-server.jar [create-admin --username NAME]");
    return 2;
  }

  private static int serve(ServerConfig config, PrintStream out) throws InterruptedException {
    EmmsServerRunner runner = EmmsServerRunner.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runner.close();
      stopped.countDown();
    }, "emms-shutdown"));
    out.println("EMMS reference server: http://" + config.httpHost() + ":" + runner.server().httpPort() + "/");
    out.println("  API description: http://" + config.httpHost() + ":" + runner.server().httpPort() + "/openapi.json");
    out.println("  data directory: " + config.dataDir());
    runner.server().setupToken().ifPresentOrElse(token -> {
      out.println("  No accounts yet. Create the first administrator, either with the one-time token:");
      out.println("    curl -H 'Content-Type: application/json' -d '{\"token\":\"" + token
          + "\",\"username\":\"admin\",\"password\":\"...at least 12 characters...\"}' http://" + config.httpHost()
          + ":" + runner.server().httpPort() + "/api/setup");
      out.println("  or stop the server and run: java -jar emms-server.jar create-admin --username admin");
    }, () -> out.println("  Sign in: POST /api/login {\"username\", \"password\"}"));
    out.flush();
    stopped.await();
    return 0;
  }

  private static int createAdmin(ServerConfig config, String username, PrintStream out, PrintStream err)
      throws IOException {
    String password = readPassword(out);
    if (password == null) {
      err.println("no password given on standard input");
      return 2;
    }
    List<AutoCloseable> resources = new ArrayList<>();
    try (Database db = EmmsServer.openDatabase(config, resources)) {
      AuthService auth = new AuthService(new UserStore(db.dataSource()), new SessionStore(db.dataSource()),
          new AuditLog(db.dataSource()), config.sessionTtl(), Clock.systemUTC(),
          new LoginRateLimiter(1, Duration.ofMinutes(1)));
      auth.createUser("cli", username, password, Role.ADMIN);
      out.println("administrator '" + username + "' created");
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    } catch (DuplicateKeyException e) {
      err.println("username: '" + username + "' exists already");
      return 2;
    } finally {
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception e) {
          err.println("closing: " + e.getMessage());
        }
      }
    }
  }

  private static String readPassword(PrintStream out) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] a = console.readPassword("password: ");
      char[] b = console.readPassword("again: ");
      if (a == null || b == null || !new String(a).equals(new String(b))) {
        return null;
      }
      return new String(a);
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null || line.isEmpty() ? null : line;
  }
}
