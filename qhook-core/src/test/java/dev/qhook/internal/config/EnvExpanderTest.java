package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class EnvExpanderTest {
  private final EnvExpander expander = new EnvExpander(Map.of("A", "alpha", "EMPTY", ""));
  private final List<String> unset = new ArrayList<>();

  @Test
  void replacesSetVariables() {
    assertThat(expand("x-${A}-y")).isEqualTo("x-alpha-y");
  }

  @Test
  void unsetVariableBecomesEmptyAndIsReported() {
    assertThat(expand("[${NOPE}]")).isEqualTo("[]");
    assertThat(unset).containsExactly("NOPE");
  }

  @Test
  void defaultAppliesWhenUnsetOrEmpty() {
    assertThat(expand("${NOPE:-d}/${EMPTY:-e}/${A:-f}")).isEqualTo("d/e/alpha");
    assertThat(unset).isEmpty();
  }

  @Test
  void emptyVariableWithoutDefaultIsEmptyButNotReported() {
    assertThat(expand("${EMPTY}")).isEmpty();
    assertThat(unset).isEmpty();
  }

  @Test
  void doubleDollarEscapesAReference() {
    assertThat(expand("$${A} and ${A}")).isEqualTo("${A} and alpha");
  }

  @Test
  void malformedReferencesAreErrors() {
    assertThatThrownBy(() -> expand("abc ${A")).hasMessage("unterminated '${' at column 5");
    assertThatThrownBy(() -> expand("${}")).hasMessage("empty variable name in '${}'");
  }

  @Test
  void wholeReferenceIsRecognised() {
    assertThat(EnvExpander.isWholeReference("${PORT}")).isTrue();
    assertThat(EnvExpander.isWholeReference("${PORT:-80}")).isTrue();
    assertThat(EnvExpander.isWholeReference("x${PORT}")).isFalse();
    assertThat(EnvExpander.isWholeReference("${A}${B}")).isFalse();
  }

  @Property
  void textWithoutReferencesIsUnchanged(@ForAll("withoutReferences") String text) {
    assertThat(new EnvExpander(Map.of("A", "x")).expand(text, name -> {})).isEqualTo(text);
  }

  @Property
  void defaultIsUsedWhenTheVariableIsUnset(
      @ForAll @AlphaChars @StringLength(min = 1, max = 12) String name,
      @ForAll("defaults") String fallback) {
    EnvExpander empty = new EnvExpander(Map.of());
    assertThat(empty.expand("${" + name + ":-" + fallback + "}", n -> {})).isEqualTo(fallback);
  }

  @Provide
  Arbitrary<String> withoutReferences() {
    return Arbitraries.strings().all().ofMaxLength(40).filter(s -> !s.contains("${"));
  }

  @Provide
  Arbitrary<String> defaults() {
    return Arbitraries.strings().all().ofMaxLength(20).filter(s -> !s.contains("}"));
  }

  private String expand(String text) {
    return expander.expand(text, unset::add);
  }
}
