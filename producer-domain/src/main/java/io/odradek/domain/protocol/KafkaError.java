package io.odradek.domain.protocol;

/**
 * Kafka's error codes as one table, with whether retrying can help (the protocol guide's "retriable"
 * column). The sender decides per error from this table instead of a class per code.
 */
public record KafkaError(short code, String name, boolean retriable) {

    public static final short NONE = 0;
    public static final short UNKNOWN_SERVER_ERROR = -1;
    public static final short CORRUPT_MESSAGE = 2;
    public static final short UNKNOWN_TOPIC_OR_PARTITION = 3;
    public static final short LEADER_NOT_AVAILABLE = 5;
    public static final short NOT_LEADER_OR_FOLLOWER = 6;
    public static final short REQUEST_TIMED_OUT = 7;
    public static final short REPLICA_NOT_AVAILABLE = 9;
    public static final short MESSAGE_TOO_LARGE = 10;
    public static final short NETWORK_EXCEPTION = 13;
    public static final short COORDINATOR_LOAD_IN_PROGRESS = 14;
    public static final short COORDINATOR_NOT_AVAILABLE = 15;
    public static final short NOT_COORDINATOR = 16;
    public static final short INVALID_TOPIC_EXCEPTION = 17;
    public static final short RECORD_LIST_TOO_LARGE = 18;
    public static final short TOPIC_AUTHORIZATION_FAILED = 29;
    public static final short CLUSTER_AUTHORIZATION_FAILED = 31;
    public static final short UNSUPPORTED_SASL_MECHANISM = 33;
    public static final short UNSUPPORTED_VERSION = 35;
    public static final short OUT_OF_ORDER_SEQUENCE_NUMBER = 45;
    public static final short DUPLICATE_SEQUENCE_NUMBER = 46;
    public static final short INVALID_PRODUCER_EPOCH = 47;
    public static final short INVALID_TXN_STATE = 48;
    public static final short INVALID_PRODUCER_ID_MAPPING = 49;
    public static final short CONCURRENT_TRANSACTIONS = 51;
    public static final short TRANSACTIONAL_ID_AUTHORIZATION_FAILED = 53;
    public static final short SASL_AUTHENTICATION_FAILED = 58;
    public static final short UNKNOWN_PRODUCER_ID = 59;
    public static final short INVALID_RECORD = 87;
    public static final short PRODUCER_FENCED = 90;
    public static final short TRANSACTION_ABORTABLE = 120;

    private static final int OFFSET = 1;
    private static final KafkaError[] BY_CODE = table();

    /** The entry for {@code code}; an unknown code is reported as non-retriable. */
    public static KafkaError forCode(short code) {
        int index = code + OFFSET;
        if (index >= 0 && index < BY_CODE.length && BY_CODE[index] != null) {
            return BY_CODE[index];
        }
        return new KafkaError(code, "UNKNOWN_ERROR_CODE_" + code, false);
    }

    public static boolean isRetriable(short code) {
        return forCode(code).retriable();
    }

    public static String nameOf(short code) {
        return forCode(code).name();
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }

    private static KafkaError e(int code, String name, boolean retriable) {
        return new KafkaError((short) code, name, retriable);
    }

    private static KafkaError[] table() {
        KafkaError[] all = {
        e(-1, "UNKNOWN_SERVER_ERROR", false),
        e(0, "NONE", false),
        e(1, "OFFSET_OUT_OF_RANGE", false),
        e(2, "CORRUPT_MESSAGE", true),
        e(3, "UNKNOWN_TOPIC_OR_PARTITION", true),
        e(4, "INVALID_FETCH_SIZE", false),
        e(5, "LEADER_NOT_AVAILABLE", true),
        e(6, "NOT_LEADER_OR_FOLLOWER", true),
        e(7, "REQUEST_TIMED_OUT", true),
        e(8, "BROKER_NOT_AVAILABLE", false),
        e(9, "REPLICA_NOT_AVAILABLE", true),
        e(10, "MESSAGE_TOO_LARGE", false),
        e(11, "STALE_CONTROLLER_EPOCH", false),
        e(12, "OFFSET_METADATA_TOO_LARGE", false),
        e(13, "NETWORK_EXCEPTION", true),
        e(14, "COORDINATOR_LOAD_IN_PROGRESS", true),
        e(15, "COORDINATOR_NOT_AVAILABLE", true),
        e(16, "NOT_COORDINATOR", true),
        e(17, "INVALID_TOPIC_EXCEPTION", false),
        e(18, "RECORD_LIST_TOO_LARGE", false),
        e(19, "NOT_ENOUGH_REPLICAS", true),
        e(20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND", true),
        e(21, "INVALID_REQUIRED_ACKS", false),
        e(22, "ILLEGAL_GENERATION", false),
        e(23, "INCONSISTENT_GROUP_PROTOCOL", false),
        e(24, "INVALID_GROUP_ID", false),
        e(25, "UNKNOWN_MEMBER_ID", false),
        e(26, "INVALID_SESSION_TIMEOUT", false),
        e(27, "REBALANCE_IN_PROGRESS", false),
        e(28, "INVALID_COMMIT_OFFSET_SIZE", false),
        e(29, "TOPIC_AUTHORIZATION_FAILED", false),
        e(30, "GROUP_AUTHORIZATION_FAILED", false),
        e(31, "CLUSTER_AUTHORIZATION_FAILED", false),
        e(32, "INVALID_TIMESTAMP", false),
        e(33, "UNSUPPORTED_SASL_MECHANISM", false),
        e(34, "ILLEGAL_SASL_STATE", false),
        e(35, "UNSUPPORTED_VERSION", false),
        e(36, "TOPIC_ALREADY_EXISTS", false),
        e(37, "INVALID_PARTITIONS", false),
        e(38, "INVALID_REPLICATION_FACTOR", false),
        e(39, "INVALID_REPLICA_ASSIGNMENT", false),
        e(40, "INVALID_CONFIG", false),
        e(41, "NOT_CONTROLLER", true),
        e(42, "INVALID_REQUEST", false),
        e(43, "UNSUPPORTED_FOR_MESSAGE_FORMAT", false),
        e(44, "POLICY_VIOLATION", false),
        e(45, "OUT_OF_ORDER_SEQUENCE_NUMBER", false),
        e(46, "DUPLICATE_SEQUENCE_NUMBER", false),
        e(47, "INVALID_PRODUCER_EPOCH", false),
        e(48, "INVALID_TXN_STATE", false),
        e(49, "INVALID_PRODUCER_ID_MAPPING", false),
        e(50, "INVALID_TRANSACTION_TIMEOUT", false),
        e(51, "CONCURRENT_TRANSACTIONS", true),
        e(52, "TRANSACTION_COORDINATOR_FENCED", false),
        e(53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED", false),
        e(54, "SECURITY_DISABLED", false),
        e(55, "OPERATION_NOT_ATTEMPTED", false),
        e(56, "KAFKA_STORAGE_ERROR", true),
        e(57, "LOG_DIR_NOT_FOUND", false),
        e(58, "SASL_AUTHENTICATION_FAILED", false),
        e(59, "UNKNOWN_PRODUCER_ID", false),
        e(60, "REASSIGNMENT_IN_PROGRESS", false),
        e(61, "DELEGATION_TOKEN_AUTH_DISABLED", false),
        e(62, "DELEGATION_TOKEN_NOT_FOUND", false),
        e(63, "DELEGATION_TOKEN_OWNER_MISMATCH", false),
        e(64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED", false),
        e(65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED", false),
        e(66, "DELEGATION_TOKEN_EXPIRED", false),
        e(67, "INVALID_PRINCIPAL_TYPE", false),
        e(68, "NON_EMPTY_GROUP", false),
        e(69, "GROUP_ID_NOT_FOUND", false),
        e(70, "FETCH_SESSION_ID_NOT_FOUND", true),
        e(71, "INVALID_FETCH_SESSION_EPOCH", true),
        e(72, "LISTENER_NOT_FOUND", true),
        e(73, "TOPIC_DELETION_DISABLED", false),
        e(74, "FENCED_LEADER_EPOCH", true),
        e(75, "UNKNOWN_LEADER_EPOCH", true),
        e(76, "UNSUPPORTED_COMPRESSION_TYPE", false),
        e(77, "STALE_BROKER_EPOCH", false),
        e(78, "OFFSET_NOT_AVAILABLE", true),
        e(79, "MEMBER_ID_REQUIRED", false),
        e(80, "PREFERRED_LEADER_NOT_AVAILABLE", true),
        e(81, "GROUP_MAX_SIZE_REACHED", false),
        e(82, "FENCED_INSTANCE_ID", false),
        e(83, "ELIGIBLE_LEADERS_NOT_AVAILABLE", true),
        e(84, "ELECTION_NOT_NEEDED", true),
        e(85, "NO_REASSIGNMENT_IN_PROGRESS", false),
        e(86, "GROUP_SUBSCRIBED_TO_TOPIC", false),
        e(87, "INVALID_RECORD", false),
        e(88, "UNSTABLE_OFFSET_COMMIT", true),
        e(89, "THROTTLING_QUOTA_EXCEEDED", true),
        e(90, "PRODUCER_FENCED", false),
        e(91, "RESOURCE_NOT_FOUND", false),
        e(92, "DUPLICATE_RESOURCE", false),
        e(93, "UNACCEPTABLE_CREDENTIAL", false),
        e(94, "INCONSISTENT_VOTER_SET", false),
        e(95, "INVALID_UPDATE_VERSION", false),
        e(96, "FEATURE_UPDATE_FAILED", false),
        e(97, "PRINCIPAL_DESERIALIZATION_FAILURE", false),
        e(98, "SNAPSHOT_NOT_FOUND", false),
        e(99, "POSITION_OUT_OF_RANGE", false),
        e(100, "UNKNOWN_TOPIC_ID", true),
        e(101, "DUPLICATE_BROKER_REGISTRATION", false),
        e(102, "BROKER_ID_NOT_REGISTERED", false),
        e(103, "INCONSISTENT_TOPIC_ID", true),
        e(104, "INCONSISTENT_CLUSTER_ID", false),
        e(105, "TRANSACTIONAL_ID_NOT_FOUND", false),
        e(106, "FETCH_SESSION_TOPIC_ID_ERROR", true),
        e(107, "INELIGIBLE_REPLICA", false),
        e(108, "NEW_LEADER_ELECTED", false),
        e(109, "OFFSET_MOVED_TO_TIERED_STORAGE", false),
        e(110, "FENCED_MEMBER_EPOCH", false),
        e(111, "UNRELEASED_INSTANCE_ID", false),
        e(112, "UNSUPPORTED_ASSIGNOR", false),
        e(113, "STALE_MEMBER_EPOCH", false),
        e(114, "MISMATCHED_ENDPOINT_TYPE", false),
        e(115, "UNSUPPORTED_ENDPOINT_TYPE", false),
        e(116, "UNKNOWN_CONTROLLER_ID", false),
        e(117, "UNKNOWN_SUBSCRIPTION_ID", false),
        e(118, "TELEMETRY_TOO_LARGE", false),
        e(119, "INVALID_REGISTRATION", false),
        e(120, "TRANSACTION_ABORTABLE", false),
        e(121, "INVALID_RECORD_STATE", false),
        e(122, "SHARE_SESSION_NOT_FOUND", true),
        e(123, "INVALID_SHARE_SESSION_EPOCH", true),
        e(124, "FENCED_STATE_EPOCH", false),
        e(125, "INVALID_VOTER_KEY", false),
        e(126, "DUPLICATE_VOTER", false),
        e(127, "VOTER_NOT_FOUND", false),
        e(128, "INVALID_REGULAR_EXPRESSION", false),
        e(129, "REBOOTSTRAP_REQUIRED", false),
        e(130, "STREAMS_INVALID_TOPOLOGY", false),
        e(131, "STREAMS_INVALID_TOPOLOGY_EPOCH", false),
        e(132, "STREAMS_TOPOLOGY_FENCED", false),
        e(133, "SHARE_SESSION_LIMIT_REACHED", true),
        };
        int max = 0;
        for (KafkaError error : all) {
            max = Math.max(max, error.code + OFFSET);
        }
        KafkaError[] byCode = new KafkaError[max + 1];
        for (KafkaError error : all) {
            byCode[error.code + OFFSET] = error;
        }
        return byCode;
    }
}
