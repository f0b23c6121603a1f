package dev.qhook.internal.config;

import static dev.qhook.internal.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.config.ConfigException;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.SourceConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code topic_arns} of {@code sns} sources (docs/reference/configuration.md, "sns sources"):
 * bound, checked, and warned about when missing (issue 10, item 9).
 */
class SnsTopicArnsTest {
  private static final String ORDERS = "arn:aws:sns:eu-west-1:123456789012:orders";

  @Test
  void topicArnsBindOnSnsSources() {
    QHookConfig config =
        Yaml.load(
            """
            api: { auth_token: t }
            sources:
              topic:
                type: sns
                topic_arns: [arn:aws:sns:eu-west-1:123456789012:orders, "arn:aws-cn:sns:cn-north-1:123456789012:o.fifo"]
            """);

    assertThat(config.sources().get("topic").topicArns())
        .containsExactly(ORDERS, "arn:aws-cn:sns:cn-north-1:123456789012:o.fifo");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void anSnsSourceWithoutTopicArnsIsWarnedAbout() {
    var loaded =
        Yaml.loadWithEnv(
            """
            api: { auth_token: t }
            sources:
              topic: { type: sns }
              app: { type: event }
            """,
            Map.of());

    assertThat(loaded.warnings())
        .containsExactly(
            "sources.topic: no topic_arns: messages of any SNS topic are accepted, also of topics"
                + " in other AWS accounts");
  }

  @Test
  void badEntriesAndOtherSourceTypesAreErrorsNamingThePath() {
    assertThat(
            errors(
                """
                sources:
                  topic: { type: sns, topic_arns: [orders, "%s"] }
                  empty: { type: sns, topic_arns: [] }
                  hooks: { type: webhook, topic_arns: ["%s"] }
                """
                    .formatted(ORDERS, ORDERS)))
        .containsExactlyInAnyOrder(
            "sources.topic.topic_arns[0]: not an SNS topic ARN 'orders'"
                + " (arn:<partition>:sns:<region>:<account>:<topic>)",
            "sources.empty.topic_arns: must not be empty (leave it out to accept every topic)",
            "sources.hooks.topic_arns: not valid for a 'webhook' source");
  }

  @Test
  void aSourceBuiltInCodeIsCheckedAsAFileIs() {
    QHookConfig built =
        QHookConfig.builder().source(SourceConfig.sns("topic").topicArns(ORDERS).build()).build();

    assertThat(built.sources().get("topic").topicArns()).containsExactly(ORDERS);
    assertThatThrownBy(
            () ->
                QHookConfig.builder()
                    .source(SourceConfig.webhook("hooks").topicArns(ORDERS).build())
                    .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.hooks.topic_arns: not valid for a 'webhook' source");
  }
}
