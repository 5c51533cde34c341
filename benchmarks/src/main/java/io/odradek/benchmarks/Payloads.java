package io.odradek.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Benchmark inputs, seeded so every run sees the same bytes. */
final class Payloads {
    private static final String[] WORDS = {"order", "customer", "amount", "currency", "EUR", "USD", "status",
            "shipped", "pending", "created", "items", "sku", "quantity", "price", "warehouse", "berlin", "lisbon",
            "express", "standard", "true", "false", "null", "id", "timestamp", "region", "eu-west-1"};

    private Payloads() {
    }

    static byte[] randomBytes(int sizeBytes, long seed) {
        byte[] bytes = new byte[sizeBytes];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sizeBytes; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** One JSON-like event (an order), a few hundred bytes, fields and values drawn from a small vocabulary. */
    static byte[] jsonRecord(SplittableRandom random) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"id\":").append(random.nextLong(1_000_000_000L))
                .append(",\"timestamp\":").append(1_700_000_000_000L + random.nextInt(86_400_000))
                .append(",\"customer\":\"c-").append(random.nextInt(100_000)).append('"')
                .append(",\"status\":\"").append(word(random)).append('"')
                .append(",\"region\":\"").append(word(random)).append('"')
                .append(",\"items\":[");
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"sku\":\"").append(word(random)).append('-').append(random.nextInt(10_000))
                    .append("\",\"quantity\":").append(1 + random.nextInt(9))
                    .append(",\"price\":").append(random.nextInt(100_000) / 100.0).append('}');
        }
        json.append("],\"currency\":\"").append(random.nextBoolean() ? "EUR" : "USD").append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
