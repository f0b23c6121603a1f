package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> RETRY_KEYS = RetryBinder.KEYS;

  @Test
  void suggestsTheNearestKeyWithinTwoEdits() {
    assertThat(Suggestions.nearest("intervall", RETRY_KEYS)).contains("interval");
    assertThat(Suggestions.nearest("jiter", RETRY_KEYS)).contains("jitter");
    assertThat(Suggestions.nearest("max_intreval", RETRY_KEYS)).contains("max_interval");
  }

  @Test
  void suggestsNothingWhenEverythingIsFar() {
    assertThat(Suggestions.nearest("timeout", RETRY_KEYS)).isEmpty();
    assertThat(Suggestions.didYouMean("zzz", RETRY_KEYS)).isEmpty();
  }

  @Test
  void veryShortWordsDoNotSuggestUnrelatedOnes() {
    assertThat(Suggestions.nearest("x", List.of("a", "b"))).isEmpty();
  }

  @Test
  void phrasesTheSuggestion() {
    assertThat(Suggestions.didYouMean("retyr", List.of("retry", "url")))
        .isEqualTo(" (did you mean 'retry'?)");
  }

  @Test
  void distanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Property
  void distanceIsSymmetric(
      @ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(Suggestions.distance(b, a));
  }
}
