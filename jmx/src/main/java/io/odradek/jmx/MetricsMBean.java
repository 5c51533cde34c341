package io.odradek.jmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;

import io.odradek.api.metrics.Metric;

/** One MBean: the metrics of one group and tags, as read-only {@code double} attributes named after the metrics. */
final class MetricsMBean implements DynamicMBean {
    private final String group;
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    MetricsMBean(String group) {
        this.group = group;
    }

    void put(Metric metric) {
        metrics.put(metric.metricName().name(), metric);
    }

    boolean remove(String name) {
        return metrics.remove(name) != null;
    }

    boolean isEmpty() {
        return metrics.isEmpty();
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Metric metric = metrics.get(attribute);
        if (metric == null) {
            throw new AttributeNotFoundException("No metric " + attribute + " in " + group);
        }
        return metric.value();
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = new AttributeList();
        for (String name : attributes) {
            Metric metric = metrics.get(name);
            if (metric != null) {
                values.add(new Attribute(name, metric.value()));
            }
        }
        return values;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> attributes = new ArrayList<>();
        metrics.forEach((name, metric) -> attributes.add(new MBeanAttributeInfo(name, double.class.getName(),
                metric.metricName().description(), true, false, false)));
        return new MBeanInfo(getClass().getName(), "The " + group + " of an Odradek producer",
                attributes.toArray(new MBeanAttributeInfo[0]), null, new MBeanOperationInfo[0],
                new MBeanNotificationInfo[0]);
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("The producer's metrics are read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        throw new UnsupportedOperationException("The producer's metrics are read-only");
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("The producer's metric MBeans have no operations");
    }
}
