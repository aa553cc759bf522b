package io.emms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell sessions in the docs, replayed: every {@code $ emms ...} line is run and its output compared with
 * the lines printed under it, {@code $ cat FILE} with the file the tests use, {@code $ echo $?} with the exit code.
 * A change that alters a documented output fails here until the doc is updated. Output piped through a formatter
 * (condensed by hand in the doc) is only run, and must succeed.
 */
class DocumentedExamplesTest {

  private static final Path DOCS = Path.of("..", "docs");
  private static final Path FILES = Path.of("src", "test", "resources", "analyze");
  private static final Pattern INPUT = Pattern.compile("(--input )(\\S+)");

  /** One {@code $ ...} line of a doc with the lines printed under it. */
  record Session(String doc, String command, List<String> printed) {
    @Override
    public String toString() {
      return doc + ": " + command;
    }
  }

  static Stream<List<Session>> documentedSessions() throws IOException {
    return Stream.of(sessions("cli-analyze.md"));
  }

  private static List<Session> sessions(String doc) throws IOException {
    List<Session> sessions = new ArrayList<>();
    boolean inBlock = false;
    Session current = null;
    for (String line : Files.readAllLines(DOCS.resolve(doc), StandardCharsets.UTF_8)) {
      String text = line.strip();
      if (text.startsWith("```")) {
        inBlock = !inBlock;
        current = null;
      } else if (inBlock && text.startsWith("$ ")) {
        current = new Session(doc, text.substring(2), new ArrayList<>());
        sessions.add(current);
      } else if (current != null && !text.isEmpty()) {
        current.printed().add(text);
      }
    }
    return sessions;
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("documentedSessions")
  void everyDocumentedSessionPrintsWhatTheDocShows(List<Session> sessions) throws IOException {
    assertThat(sessions).isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    int lastExitCode = -1;
    for (Session session : sessions) {
      String command = session.command();
      if (command.startsWith("cat ")) {
        assertThat(Files.readAllLines(FILES.resolve(command.substring(4).strip()))).as(session.toString())
            .containsExactlyElementsOf(session.printed());
      } else if (command.equals("echo $?")) {
        assertThat(session.printed()).as(session.toString()).containsExactly(Integer.toString(lastExitCode));
      } else {
        assertThat(command).as(session.toString()).startsWith("emms ");
        boolean piped = command.contains(" | ");
        CliRun run = CliRun.of(arguments(piped ? command.substring(0, command.indexOf(" | ")) : command));
        lastExitCode = run.exitCode();
        if (piped) {
          assertThat(run.exitCode()).as(session + "\n" + run.err()).isZero();
        } else {
          List<String> printed = new ArrayList<>(run.out().lines().toList());
          printed.addAll(run.err().lines().map(l -> l.replace(FILES + File.separator, "")).toList());
          softly.assertThat(printed).as(session.toString()).containsExactlyElementsOf(session.printed());
        }
      }
    }
    softly.assertAll();
  }

  /** The words after {@code emms}, with {@code --input NAME} pointing at the file the tests keep. */
  private static String[] arguments(String command) {
    Matcher m = INPUT.matcher(command.substring("emms ".length()));
    StringBuilder resolved = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(resolved, Matcher.quoteReplacement(m.group(1) + FILES.resolve(m.group(2))));
    }
    m.appendTail(resolved);
    return resolved.toString().split(" +");
  }
}
