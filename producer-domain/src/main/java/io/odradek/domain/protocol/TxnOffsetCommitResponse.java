package io.odradek.domain.protocol;

import java.util.List;

public record TxnOffsetCommitResponse(List<PartitionError> results, int throttleTimeMs) implements Response {
}
