package dev.qhook.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.InboundRequest;
import dev.qhook.QHook;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportRequest;
import dev.qhook.spi.TransportResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code topic_arns} of {@code sns} sources (docs/reference/http-api.md, "POST /sns/{source}").
 * Regression (issue 10, item 9): an SNS source accepted messages of any topic, including topics of
 * other AWS accounts that subscribed the endpoint, whose messages AWS signs all the same.
 */
class SnsTopicAllowListTest {
  private static final String ORDERS = "arn:aws:sns:eu-west-1:123456789012:orders";
  private static final String OTHER = "arn:aws:sns:eu-west-1:999999999999:spam";

  private final List<URI> fetched = new CopyOnWriteArrayList<>();
  private final List<URI> sent = new CopyOnWriteArrayList<>();
  private QHook qhook;

  @BeforeEach
  void start() {
    Transport transport =
        new Transport() {
          @Override
          public TransportResult send(TransportRequest request) {
            sent.add(request.uri());
            return new TransportResult.Response(200, Map.of(), new byte[0], 1);
          }
        };
    qhook =
        QHook.builder()
            .config(
                QHookConfig.fromYaml(
                    """
                    server: { allow_private_urls: true }
                    sources:
                      emulator: { type: sns, skip_verify: true, topic_arns: ["%s"] }
                      verified: { type: sns, topic_arns: ["%s"] }
                    """
                        .formatted(ORDERS, ORDERS)))
            .store(new InMemoryStore())
            .transport(transport)
            .certificateFetcher(
                url -> {
                  fetched.add(url);
                  throw new java.io.IOException("no certificates here");
                })
            .subscribeUrlRuleForTesting(url -> true)
            .build();
    qhook.start();
  }

  @AfterEach
  void stop() {
    qhook.close();
  }

  private Received sns(String source, String type, String topicArn) {
    String body =
        """
        {"Type": "%s", "MessageId": "m-1", "Token": "t", "TopicArn": "%s", "Message": "hello",
         "SubscribeURL": "http://127.0.0.1:9/confirm", "Timestamp": "2026-03-01T12:00:00Z",
         "SignatureVersion": "1", "Signature": "c2lnbmF0dXJl",
         "SigningCertURL": "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem"}
        """
            .formatted(type, topicArn);
    return qhook.receive(InboundRequest.sns(source).body(body).build());
  }

  private static void assertTopicRefused(Received received, String source, String topicArn) {
    assertThat(received)
        .isInstanceOfSatisfying(
            Received.Rejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(Rejection.TOPIC_NOT_ALLOWED);
              assertThat(rejected.httpStatus()).isEqualTo(403);
              assertThat(rejected.code()).isEqualTo("topic_not_allowed");
              assertThat(rejected.message())
                  .isEqualTo(
                      "TopicArn '" + topicArn + "' is not in sources." + source + ".topic_arns");
            });
  }

  @Test
  void aNotificationOfAListedTopicIsAcceptedAndOfAnotherRefused() {
    assertThat(sns("emulator", "Notification", ORDERS)).isInstanceOf(Received.Accepted.class);
    assertTopicRefused(sns("emulator", "Notification", OTHER), "emulator", OTHER);
  }

  @Test
  void anUnlistedTopicIsRefusedBeforeItsCertificateIsFetched() {
    assertTopicRefused(sns("verified", "Notification", OTHER), "verified", OTHER);
    assertThat(fetched).isEmpty();
  }

  @Test
  void aSubscriptionOfAnUnlistedTopicIsNotConfirmed() {
    assertTopicRefused(sns("emulator", "SubscriptionConfirmation", OTHER), "emulator", OTHER);
    assertThat(sent).isEmpty();
  }
}
