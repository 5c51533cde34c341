package io.odradek.domain.sender;

import io.odradek.domain.protocol.RequestHeader;

/**
 * A request awaiting its answer on a connection (answers come back in request order), with the exchange that
 * waits for it.
 */
record InFlightRequest(RequestHeader header, ResponseHandler handler, long sentNs, long deadlineNs) {
}
