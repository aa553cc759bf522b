package io.emms.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules over every EMMS library on this module's class path (core, bus, DL/T 645, Modbus, transports,
 * MQTT, NB-IoT, simulator, analytics) and the CLI itself: no package cycles, protocols and transports apart,
 * analytics free of Netty.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // Production classes only: neither this build's test classes nor the test jars other modules share.
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("io.emms");
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.emms.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void protocolsDoNotDependOnTransports() {
    noClasses().that().resideInAnyPackage("io.emms.dlt645..", "io.emms.modbus..")
        .should().dependOnClassesThat().resideInAPackage("io.emms.transport..")
        .check(classes);
  }

  @Test
  void transportsDoNotDependOnProtocols() {
    noClasses().that().resideInAPackage("io.emms.transport..")
        .should().dependOnClassesThat().resideInAnyPackage("io.emms.dlt645..", "io.emms.modbus..")
        .check(classes);
  }

  @Test
  void analyticsNeedsNoNetty() {
    noClasses().that().resideInAPackage("io.emms.analytics..")
        .should().dependOnClassesThat().resideInAPackage("io.netty..")
        .check(classes);
  }

  @Test
  void theImportSawEveryLibrary() {
    org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[2])
        .distinct()).contains("core", "bus", "dlt645", "modbus", "transport", "simulator", "analytics", "cli");
  }
}
