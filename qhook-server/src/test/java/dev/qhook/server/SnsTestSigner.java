package dev.qhook.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Signs SNS messages for tests with a fresh RSA key whose self-signed certificate is made by the
 * JDK's {@code keytool}. The string to sign follows the AWS documentation, written here
 * independently of qhook-verify.
 */
final class SnsTestSigner {
  static final String CERT_URL =
      "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-testsigner.pem";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NOTIFICATION_KEYS =
      List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
  private static final List<String> CONFIRMATION_KEYS =
      List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

  private final PrivateKey key;
  private final X509Certificate certificate;

  private SnsTestSigner(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** Generates a key and certificate in {@code dir} with keytool. */
  static SnsTestSigner generate(Path dir) throws IOException, InterruptedException {
    Path store = dir.resolve("sns-signer.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-alias",
                "sns",
                "-dname",
                "CN=qhook sns test",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    try (InputStream in = new FileInputStream(store.toFile())) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, "changeit".toCharArray());
      return new SnsTestSigner(
          (PrivateKey) keyStore.getKey("sns", "changeit".toCharArray()),
          (X509Certificate) keyStore.getCertificate("sns"));
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** A signed SubscriptionConfirmation asking for a GET of {@code subscribeUrl}. */
  byte[] subscriptionConfirmation(String subscribeUrl) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Type", "SubscriptionConfirmation");
    fields.put("MessageId", "00000000-0000-4000-8000-00000000c0f1");
    fields.put("Token", "token-1");
    fields.put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:orders");
    fields.put("Message", "You have chosen to subscribe to the topic.");
    fields.put("SubscribeURL", subscribeUrl);
    fields.put("Timestamp", "2026-03-01T12:00:00.000Z");
    return sign(fields, CONFIRMATION_KEYS);
  }

  /** A signed Notification (SignatureVersion 2). */
  byte[] notification(String messageId, String message, @Nullable String subject) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Type", "Notification");
    fields.put("MessageId", messageId);
    fields.put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:orders");
    if (subject != null) {
      fields.put("Subject", subject);
    }
    fields.put("Message", message);
    fields.put("Timestamp", "2026-03-01T12:00:00.000Z");
    return sign(fields, NOTIFICATION_KEYS);
  }

  private byte[] sign(Map<String, String> fields, List<String> keys) {
    StringBuilder canonical = new StringBuilder();
    for (String k : keys) {
      String value = fields.get(k);
      if (value != null) {
        canonical.append(k).append('\n').append(value).append('\n');
      }
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
      ObjectNode message = JSON.createObjectNode();
      fields.forEach(message::put);
      message.put("SignatureVersion", "2");
      message.put("Signature", Base64.getEncoder().encodeToString(rsa.sign()));
      message.put("SigningCertURL", CERT_URL);
      return JSON.writeValueAsBytes(message);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
