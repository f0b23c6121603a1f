package dev.qhook.internal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalJoinsTest {
  private final LocalJoins joins = new LocalJoins();

  @Test
  void theResultThatCompletesTheSetGetsEveryResultOnce() {
    assertThat(joins.completed("act", "left", "1", 2)).isNull();

    assertThat(joins.completed("act", "right", "2", 2))
        .isEqualTo(Map.of("left", "1", "right", "2"));
    assertThat(joins.completed("act", "left", "1", 2)).isNull(); // forgotten once complete
  }

  @Test
  void activationsAreApartAndAForgottenOneStartsOver() {
    joins.completed("a", "0", "x", 2);
    joins.completed("b", "0", "y", 2);
    joins.forget("a");

    assertThat(joins.completed("a", "1", "z", 2)).isNull();
    assertThat(joins.completed("b", "1", "w", 2)).isEqualTo(Map.of("0", "y", "1", "w"));
  }

  @Test
  void aJoinOfMoreResultsThanItHoldsIsNotTracked() {
    int total = LocalJoins.MAX_RESULTS + 1;
    for (int i = 0; i < total - 1; i++) {
      assertThat(joins.completed("big", Integer.toString(i), "r", total)).isNull();
    }
    assertThat(joins.completed("big", Integer.toString(total - 1), "r", total)).isNull();
  }
}
