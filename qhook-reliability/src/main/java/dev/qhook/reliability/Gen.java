package dev.qhook.reliability;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Draws values from jqwik {@link Arbitrary arbitraries} (edge cases included) with one seeded
 * {@link Random}, outside a jqwik property: the fuzzers run for a time, not a number of tries, and
 * a seed replays a run. Each thread that draws runs in its own {@link JqwikSession}.
 */
final class Gen {
  private static final int GEN_SIZE = 1000;

  private final Random random;
  private final Map<Arbitrary<?>, RandomGenerator<?>> generators = new IdentityHashMap<>();

  Gen(long seed) {
    this.random = new Random(seed);
  }

  @SuppressWarnings("unchecked")
  <T> T draw(Arbitrary<T> arbitrary) {
    if (!JqwikSession.isActive()) {
      JqwikSession.start(); // generators memoize in a session, which is per thread
    }
    RandomGenerator<T> generator =
        (RandomGenerator<T>)
            generators.computeIfAbsent(arbitrary, a -> a.generatorWithEmbeddedEdgeCases(GEN_SIZE));
    return generator.next(random).value();
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  long nextLong() {
    return random.nextLong();
  }
}
