package io.odradek.api.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known key a misspelt one most likely meant, by Levenshtein distance. */
public final class KeySuggester {

    private KeySuggester() {
    }

    /**
     * The closest of {@code candidates} to {@code unknown}, if it is close enough to be a typo: at most
     * two edits, or a quarter of the key's length for long keys. Ties go to the first candidate in
     * iteration order.
     */
    public static Optional<String> closest(String unknown, Collection<String> candidates) {
        int allowedEdits = Math.max(2, unknown.length() / 4);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowedEdits ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Edits (insert, delete, substitute one character) that turn {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
