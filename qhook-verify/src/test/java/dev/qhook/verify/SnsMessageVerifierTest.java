package dev.qhook.verify;

import static dev.qhook.verify.Fixtures.assertRejected;
import static dev.qhook.verify.Fixtures.assertVerified;
import static dev.qhook.verify.Fixtures.clockAt;
import static dev.qhook.verify.Fixtures.resource;
import static dev.qhook.verify.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qhook.verify.VerificationResult.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsMessageVerifierTest {
  // A real SignatureVersion 1 notification and its certificate from aws/aws-sdk-java-v2,
  // services/sns/src/test/resources/software/amazon/awssdk/services/sns/{sample-message.json,
  // unit-test-public-cert.pem} (see src/test/resources/sns/README.md).
  private static final byte[] AWS_MESSAGE = resource("sns/aws-sdk-java-v2-sample-message.json");
  private static final X509Certificate AWS_CERT = cert("sns/aws-sdk-java-v2-unit-test-cert.pem");
  private static final Instant AWS_SENT = Instant.parse("2015-09-20T01:22:14.001Z");

  // SignatureVersion 2 and confirmation messages signed with OpenSSL (sns/README.md).
  private static final X509Certificate TEST_CERT = cert("sns/qhook-test-signer-cert.pem");
  private static final Instant TEST_SENT = Instant.parse("2025-03-01T12:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> fetched = new ArrayList<>();

  /** The only stand-in: a fetcher serving a fixture certificate and recording what was asked. */
  private CertificateFetcher serving(X509Certificate certificate) {
    return url -> {
      fetched.add(url);
      return certificate;
    };
  }

  private VerificationResult verify(byte[] body, X509Certificate cert, Instant now) {
    return new SnsMessageVerifier(serving(cert), clockAt(now))
        .verify(WebhookRequest.of(body, Map.of()));
  }

  @Test
  void acceptsARealAwsSignedNotificationWithSignatureVersion1() {
    assertVerified(verify(AWS_MESSAGE, AWS_CERT, AWS_SENT));
    assertThat(fetched)
        .containsExactly(
            URI.create(
                "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem"));
  }

  @Test
  void rejectsTheAwsNotificationWithAChangedMessage() {
    assertRejected(
        verify(edit(AWS_MESSAGE, "Message", "boo!"), AWS_CERT, AWS_SENT),
        Reason.SIGNATURE_MISMATCH);
    assertRejected(
        verify(edit(AWS_MESSAGE, "Subject", "this is cooked"), AWS_CERT, AWS_SENT),
        Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsACertificateThatHasExpired() {
    assertRejected(
        verify(AWS_MESSAGE, AWS_CERT, Instant.parse("2020-01-01T00:00:00Z")),
        Reason.UNTRUSTED_CERTIFICATE);
  }

  @Test
  void rejectsTheRightSignatureCheckedWithAnotherKey() {
    assertRejected(verify(AWS_MESSAGE, TEST_CERT, TEST_SENT), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void acceptsSignatureVersion2Notification() {
    assertVerified(verify(resource("sns/notification-v2.json"), TEST_CERT, TEST_SENT));
  }

  @Test
  void acceptsSubscriptionConfirmationWithSignatureVersion1() {
    byte[] body = resource("sns/subscription-confirmation-v1.json");
    assertVerified(verify(body, TEST_CERT, TEST_SENT));
    SnsMessage message = ((SnsMessage.Parsed) SnsMessage.parse(body)).message();
    assertThat(message.type()).isEqualTo(SnsMessage.SUBSCRIPTION_CONFIRMATION);
    assertThat(SnsUrls.isSnsUrl(message.subscribeUrl())).isTrue();
  }

  @Test
  void acceptsUnsubscribeConfirmationWithSignatureVersion2() {
    assertVerified(verify(resource("sns/unsubscribe-confirmation-v2.json"), TEST_CERT, TEST_SENT));
  }

  @Test
  void rejectsAConfirmationWhoseTokenWasChanged() {
    byte[] body = edit(resource("sns/subscription-confirmation-v1.json"), "Token", "stolen");
    assertRejected(verify(body, TEST_CERT, TEST_SENT), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void rejectsASignatureVersionSwap() {
    byte[] body = edit(resource("sns/notification-v2.json"), "SignatureVersion", "1");
    assertRejected(verify(body, TEST_CERT, TEST_SENT), Reason.SIGNATURE_MISMATCH);
    byte[] v3 = edit(resource("sns/notification-v2.json"), "SignatureVersion", "3");
    assertRejected(verify(v3, TEST_CERT, TEST_SENT), Reason.UNSUPPORTED_SIGNATURE_VERSION);
  }

  @Test
  void neverFetchesACertificateFromAnUntrustedUrl() {
    for (String url :
        List.of(
            "http://sns.us-east-1.amazonaws.com/cert.pem",
            "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem",
            "https://evil.example/sns.us-east-1.amazonaws.com/cert.pem",
            "https://sns.us-east-1.amazonaws.com/cert.txt",
            "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
            "https://user@sns.us-east-1.amazonaws.com/cert.pem",
            "not a url")) {
      byte[] body = edit(AWS_MESSAGE, "SigningCertURL", url);
      assertRejected(verify(body, AWS_CERT, AWS_SENT), Reason.UNTRUSTED_CERTIFICATE);
    }
    assertThat(fetched).isEmpty();
  }

  @Test
  void rejectsACertificateThatCannotBeFetched() {
    SnsMessageVerifier verifier =
        new SnsMessageVerifier(
            url -> {
              throw new IOException("connection refused");
            },
            clockAt(AWS_SENT));
    assertRejected(
        verifier.verify(WebhookRequest.of(AWS_MESSAGE, Map.of())), Reason.UNTRUSTED_CERTIFICATE);
  }

  @Test
  void rejectsBodiesThatAreNotSnsMessages() {
    for (String body :
        List.of("", "not json", "[1,2]", "{\"Type\":\"Notification\"}", "{\"Type\": 5}")) {
      assertRejected(verify(utf8(body), AWS_CERT, AWS_SENT), Reason.MALFORMED_MESSAGE);
    }
    assertRejected(
        verify(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}, AWS_CERT, AWS_SENT),
        Reason.MALFORMED_MESSAGE);
    assertRejected(
        verify(edit(AWS_MESSAGE, "Type", "Surprise"), AWS_CERT, AWS_SENT),
        Reason.MALFORMED_MESSAGE);
  }

  @Test
  void acceptsUrlKeysSpelledUrl() {
    ObjectNode node = tree(resource("sns/subscription-confirmation-v1.json"));
    node.set("SubscribeUrl", node.remove("SubscribeURL"));
    node.set("SigningCertUrl", node.remove("SigningCertURL"));
    assertVerified(verify(bytes(node), TEST_CERT, TEST_SENT));
  }

  @Test
  void rejectsAMalformedSignature() {
    assertRejected(
        verify(edit(AWS_MESSAGE, "Signature", "***"), AWS_CERT, AWS_SENT),
        Reason.MALFORMED_SIGNATURE);
  }

  private static byte[] edit(byte[] body, String field, String value) {
    ObjectNode node = tree(body);
    node.put(field, value);
    return bytes(node);
  }

  private static ObjectNode tree(byte[] body) {
    try {
      return (ObjectNode) JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate cert(String path) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(resource(path)));
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }
}
