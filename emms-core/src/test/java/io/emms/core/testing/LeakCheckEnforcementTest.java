package io.emms.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A leak fails the build without any annotation on the leaking class: the globally registered {@link LeakCheck}
 * (Jupiter auto-detection and the jqwik lifecycle hook, both from META-INF/services) fails the leaking fixtures when
 * they are run through the JUnit Platform launcher, as surefire runs every test class.
 */
class LeakCheckEnforcementTest {

  @AfterEach
  void forgetTheFixturesLeaks() {
    LeakCheck.start(); // flushes and drops what the fixtures leaked, so this class's own check stays clean
  }

  @Test
  void aLeakingJupiterClassFails() {
    List<Throwable> failures = run(LeakingExampleFixture.class);

    assertThat(failures).singleElement().asString().contains("ByteBuf leaks reported by Netty's leak detector");
  }

  @Test
  void aLeakingJqwikPropertyFailsItsContainer() {
    List<Throwable> failures = run(LeakingPropertyFixture.class);

    assertThat(failures).singleElement().asString().contains("ByteBuf leaks reported by Netty's leak detector");
  }

  /**
   * Runs {@code fixture} with autodetection on, as the build does, and returns the failures of its class (jqwik
   * also marks its engine failed then).
   */
  private static List<Throwable> run(Class<?> fixture) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(fixture))
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .build();
    List<Throwable> failures = new ArrayList<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        result.getThrowable().filter(t -> result.getStatus() == TestExecutionResult.Status.FAILED)
            .filter(t -> id.getSource().filter(ClassSource.class::isInstance).isPresent())
            .ifPresent(failures::add);
      }
    });
    return failures;
  }
}
