package io.odradek.domain.protocol;

import java.util.List;

/** Each partition's outcome: all are added, or none (the others then answer OPERATION_NOT_ATTEMPTED). */
public record AddPartitionsToTxnResponse(List<PartitionError> results, int throttleTimeMs) implements Response {
}
