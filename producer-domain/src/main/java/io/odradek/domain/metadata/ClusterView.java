package io.odradek.domain.metadata;

import java.util.Map;

/**
 * An immutable snapshot of what the producer knows of the cluster. Replaced whole on each metadata
 * response, so application threads read it without locks.
 *
 * @param topicErrors the error code metadata gave for a topic it could not describe
 */
public record ClusterView(Map<Integer, Node> nodes, Map<String, TopicInfo> topics, Map<String, Short> topicErrors) {

    public static final ClusterView EMPTY = new ClusterView(Map.of(), Map.of(), Map.of());

    public TopicInfo topic(String name) {
        return topics.get(name);
    }

    public Node node(int id) {
        return nodes.get(id);
    }
}
