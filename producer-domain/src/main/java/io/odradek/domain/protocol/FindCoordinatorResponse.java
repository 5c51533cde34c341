package io.odradek.domain.protocol;

/**
 * The coordinator of the one key asked about (from v4 the answer is a list of keys; we ask for one).
 *
 * @param errorMessage null when the broker gave none
 * @param nodeId       -1 when there is an error
 */
public record FindCoordinatorResponse(short errorCode, String errorMessage, int nodeId, String host, int port,
                                      int throttleTimeMs) implements Response {
}
