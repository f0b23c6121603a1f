package dev.qhook.internal.expr;

import java.util.Objects;

/** One step of a {@link JsonPath}: an object key or an array index. */
sealed interface PathSegment {

  /** {@code .name} or {@code ['any name']}. */
  record Key(String name) implements PathSegment {
    public Key {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code [n]} with {@code n >= 0}. */
  record Index(int index) implements PathSegment {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("index must be >= 0, was " + index);
      }
    }
  }
}
