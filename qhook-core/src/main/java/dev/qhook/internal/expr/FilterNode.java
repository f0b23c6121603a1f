package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A node of a compiled filter expression; {@link #test} evaluates it against a document. */
sealed interface FilterNode {

  boolean test(@Nullable JsonNode document);

  /** {@code a or b or ...}. */
  record AnyOf(List<FilterNode> operands) implements FilterNode {
    public AnyOf {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean test(@Nullable JsonNode document) {
      return operands.stream().anyMatch(operand -> operand.test(document));
    }
  }

  /** {@code a and b and ...}. */
  record AllOf(List<FilterNode> operands) implements FilterNode {
    public AllOf {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean test(@Nullable JsonNode document) {
      return operands.stream().allMatch(operand -> operand.test(document));
    }
  }

  /** {@code not a}. */
  record Not(FilterNode operand) implements FilterNode {
    @Override
    public boolean test(@Nullable JsonNode document) {
      return !operand.test(document);
    }
  }

  /** {@code path}: the value is truthy. */
  record Truthy(JsonPath path) implements FilterNode {
    @Override
    public boolean test(@Nullable JsonNode document) {
      return path.resolve(document).map(ValueTests::truthy).orElse(false);
    }
  }

  /** {@code path exists}: the path resolves (a JSON null counts). */
  record Exists(JsonPath path) implements FilterNode {
    @Override
    public boolean test(@Nullable JsonNode document) {
      return path.resolve(document).isPresent();
    }
  }

  /** {@code path op literal}. */
  record Comparison(JsonPath path, FilterOperator operator, Literal literal) implements FilterNode {
    @Override
    public boolean test(@Nullable JsonNode document) {
      Optional<JsonNode> value = path.resolve(document);
      return value.isPresent() ? operator.test(value.get(), literal) : operator.testMissing();
    }
  }

  /** {@code path in [literal, ...]}: the value equals any listed literal. */
  record In(JsonPath path, List<Literal> literals) implements FilterNode {
    public In {
      literals = List.copyOf(literals);
    }

    @Override
    public boolean test(@Nullable JsonNode document) {
      return path.resolve(document)
          .map(value -> literals.stream().anyMatch(l -> ValueTests.equalTo(value, l)))
          .orElse(false);
    }
  }

  /**
   * {@code path matches 'regex'}: the regex is found anywhere in a string value, within the budget
   * of {@link RegexBudget}.
   */
  record Matches(JsonPath path, Pattern regex) implements FilterNode {
    @Override
    public boolean test(@Nullable JsonNode document) {
      return path.resolve(document)
          .filter(JsonNode::isTextual)
          .map(value -> RegexBudget.find(regex, value.textValue()))
          .orElse(false);
    }
  }
}
