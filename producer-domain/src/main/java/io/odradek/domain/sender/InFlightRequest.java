package io.odradek.domain.sender;

import java.util.List;

import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.protocol.RequestHeader;

/**
 * A request awaiting its response on a connection (responses come back in request order).
 *
 * @param batches the batches of a Produce request, empty for other requests
 */
record InFlightRequest(RequestHeader header, List<ProducerBatch> batches, long sentNs, long deadlineNs) {
}
