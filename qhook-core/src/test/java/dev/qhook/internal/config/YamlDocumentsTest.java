package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs found by the reliability kit's config fuzz: clear problems, never a crash. */
class YamlDocumentsTest {

  private static List<String> problemsOf(String yaml) {
    Problems problems = new Problems();
    YamlDocuments.parse(yaml, "qhook.yaml", problems);
    try {
      problems.throwIfAny();
      return List.of();
    } catch (ConfigException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
  }

  @Test
  void anAliasInsideTheNodeItNamesIsAProblemNotAStackOverflow() {
    assertThat(problemsOf("server: &loop { again: *loop }\n"))
        .singleElement()
        .asString()
        .contains("server.again")
        .contains("alias refers to a node that contains it");
    assertThat(problemsOf("handlers: &list [1, *list]\n"))
        .singleElement()
        .asString()
        .contains("handlers[1]");
  }

  @Test
  void nestingBeyondTheLimitIsAProblem() {
    String deep =
        "a: " + "[".repeat(YamlDocuments.MAX_DEPTH + 5) + "]".repeat(YamlDocuments.MAX_DEPTH + 5);
    assertThat(problemsOf(deep)).singleElement().asString().contains("nested deeper than 64");
  }

  @Test
  void aNumberTheYamlLibraryCannotReadIsAProblemNamingIt() {
    assertThat(problemsOf("server: { port: !!int x }\n"))
        .singleElement()
        .asString()
        .contains("invalid YAML: a number that cannot be read");
  }

  @Test
  void binaryValuesAreRefusedNamingThePath() {
    assertThat(problemsOf("handlers: { h: { url: !!binary aGVsbG8= } }\n"))
        .singleElement()
        .asString()
        .contains("handlers.h.url")
        .contains("binary values");
  }

  @Test
  void aBinaryValueThatIsNotBase64IsAProblemWithoutAClassName() {
    assertThat(problemsOf("handlers: { h: { url: !!binary ab=c } }\n"))
        .singleElement()
        .asString()
        .contains("invalid YAML: a tagged value that cannot be read")
        .doesNotContain("java.lang");
  }

  @Test
  void theFuzzedFileThatBrokeTheParsersBufferIsAProblem() throws Exception {
    String yaml;
    try (var in = getClass().getResourceAsStream("/config/parser-buffer-crash.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(problemsOf(yaml)).singleElement().asString().startsWith("qhook.yaml: invalid YAML");
  }
}
