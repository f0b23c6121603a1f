package dev.qhook.it;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.library.modules.syntax.ModuleRuleDefinition.modules;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedFunction;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import com.tngtech.archunit.library.modules.ArchModule;
import com.tngtech.archunit.library.modules.syntax.DescriptorFunction;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullMarked;

/**
 * The module boundaries, checked on the main classes of the published modules
 * (docs/architecture.md, "Module boundaries"): a module reaches another only outside its {@code
 * internal} packages, every package is {@code @NullMarked}, and the dependency cycles that were
 * broken stay broken.
 */
@AnalyzeClasses(packages = "dev.qhook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The published modules; a class belongs to the one whose jar or classes folder holds it. */
  static final Set<String> PUBLISHED =
      Set.of("qhook-verify", "qhook-core", "qhook-jdbc", "qhook-testkit", "qhook-server");

  /**
   * The internal packages, each of one module: {@code dev.qhook.internal..} is qhook-core's, the
   * others are named for theirs.
   */
  static final String[] INTERNAL_PACKAGES = {
    "dev.qhook.internal..",
    "dev.qhook.verify.internal..",
    "dev.qhook.jdbc.internal..",
    "dev.qhook.server.internal.."
  };

  /** The module in a class file's location: a reactor classes folder or a module's jar. */
  private static final Pattern MODULE_LOCATION =
      Pattern.compile("/(qhook-[a-z]+)(?:/target/classes/|-[0-9][^/]*\\.jar!)");

  @ArchTest
  static final ArchRule modulesUseNoInternalPackageOfAnotherModule =
      modules()
          .definedBy(
              DescribedFunction.describe(
                  "the jar or classes folder that holds each class",
                  javaClass ->
                      moduleOf(javaClass)
                          .map(ArchModule.Identifier::from)
                          .orElseGet(ArchModule.Identifier::ignore)))
          .derivingModule(
              DescriptorFunction.describe(
                  "named for it",
                  (identifier, classes) -> ArchModule.Descriptor.create(identifier.getPart(1))))
          .should()
          .onlyDependOnEachOtherThroughClassesThat(resideOutsideOfPackages(INTERNAL_PACKAGES))
          .because("internal packages are not API (docs/architecture.md, \"Module boundaries\")");

  /**
   * No cycle between the packages outside {@code internal}. {@code dev.qhook}, {@code
   * dev.qhook.config} and {@code dev.qhook.spi} count as one, core's API: they refer to each other
   * by design (the builder takes the config and the SPI, {@code ConfigException} extends {@code
   * QHookException}, {@code AlertSink} raises an {@code Alert}).
   */
  @ArchTest
  static final ArchRule publicPackagesAreFreeOfCycles =
      SlicesRuleDefinition.slices()
          .assignedFrom(
              slices(
                  "public packages, core's API as one",
                  javaClass ->
                      isInternal(javaClass.getPackageName())
                          ? null
                          : switch (javaClass.getPackageName()) {
                            case "dev.qhook", "dev.qhook.config", "dev.qhook.spi" ->
                                "qhook-core API";
                            default -> javaClass.getPackageName();
                          }))
          .should()
          .beFreeOfCycles();

  /** qhook-verify stands alone and stays simple: no class depends on itself through others. */
  @ArchTest
  static final ArchRule verifyClassesAreFreeOfCycles =
      SlicesRuleDefinition.slices()
          .assignedFrom(
              slices(
                  "the top-level classes of qhook-verify",
                  javaClass ->
                      javaClass.getPackageName().startsWith("dev.qhook.verify")
                          ? topLevelName(javaClass)
                          : null))
          .should()
          .beFreeOfCycles();

  @ArchTest
  static void everyPublishedModuleIsImportedAndNothingElse(JavaClasses classes) {
    Set<String> found = new TreeSet<>();
    Set<String> unplaced = new TreeSet<>();
    for (JavaClass javaClass : classes) {
      moduleOf(javaClass).ifPresentOrElse(found::add, () -> unplaced.add(location(javaClass)));
    }
    assertThat(unplaced).as("classes outside the published modules").isEmpty();
    assertThat(found).containsExactlyInAnyOrderElementsOf(PUBLISHED);
  }

  @ArchTest
  static void everyPackageIsNullMarked(JavaClasses classes) {
    Set<String> unmarked = new TreeSet<>();
    for (JavaClass javaClass : classes) {
      if (!javaClass.getPackage().isAnnotatedWith(NullMarked.class)) {
        unmarked.add(javaClass.getPackageName());
      }
    }
    assertThat(unmarked).as("packages without @NullMarked in their package-info.java").isEmpty();
  }

  static Optional<String> moduleOf(JavaClass javaClass) {
    Matcher matcher = MODULE_LOCATION.matcher(location(javaClass));
    return matcher.find() && PUBLISHED.contains(matcher.group(1))
        ? Optional.of(matcher.group(1))
        : Optional.empty();
  }

  private static String location(JavaClass javaClass) {
    return javaClass
        .getSource()
        .map(source -> source.getUri().toString())
        .orElse(javaClass.getName());
  }

  private static boolean isInternal(String packageName) {
    for (String internal : INTERNAL_PACKAGES) {
      String root = internal.substring(0, internal.length() - 2);
      if (packageName.equals(root) || packageName.startsWith(root + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String topLevelName(JavaClass javaClass) {
    String name = javaClass.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  /** Slices named by {@code sliceOf}; a class it maps to null is in none. */
  private static SliceAssignment slices(String description, Function<JavaClass, String> sliceOf) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String slice = sliceOf.apply(javaClass);
        return slice == null ? SliceIdentifier.ignore() : SliceIdentifier.of(slice);
      }

      @Override
      public String getDescription() {
        return description;
      }
    };
  }
}
