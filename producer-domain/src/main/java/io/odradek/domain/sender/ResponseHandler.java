package io.odradek.domain.sender;

import io.odradek.domain.protocol.Response;

/** What waits for one request's outcome: the exchange that sent it. I/O thread only. */
interface ResponseHandler {

    void onResponse(Response response, long nowNs);

    /** No answer will come: the connection broke, or the request timed out and its connection was closed. */
    void onFailure(String reason, long nowNs);

    /** For a request sent without expecting an answer (Produce with acks=0): its frame reached the socket. */
    default void onWritten(long nowNs) {
    }
}
