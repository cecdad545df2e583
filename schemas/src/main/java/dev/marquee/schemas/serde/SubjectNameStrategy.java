package dev.marquee.schemas.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/** Confluent's subject naming strategies, chosen by the simple name of Confluent's class. */
enum SubjectNameStrategy {
    /** {@code <topic>-value} or {@code <topic>-key}: one schema (line) per topic. Confluent's default. */
    TOPIC("TopicNameStrategy") {
        @Override
        String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** {@code <topic>-<record full name>}: several event types on one topic. */
    TOPIC_RECORD("TopicRecordNameStrategy") {
        @Override
        String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    },
    /** {@code <record full name>}: one schema line per record type, across topics. */
    RECORD("RecordNameStrategy") {
        @Override
        String subject(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    };

    private final String simpleClassName;

    SubjectNameStrategy(String simpleClassName) {
        this.simpleClassName = simpleClassName;
    }

    abstract String subject(String topic, boolean isKey, Schema schema);

    /** Accepts any class (or class name) whose simple name is one of Confluent's strategies. */
    static SubjectNameStrategy named(Object configured) {
        String name = configured instanceof Class<?> type ? type.getName() : String.valueOf(configured).trim();
        String simpleName = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.simpleClassName.equals(simpleName)) {
                return strategy;
            }
        }
        throw new ConfigException("Unknown subject name strategy " + name
                + "; use TopicNameStrategy, TopicRecordNameStrategy or RecordNameStrategy");
    }
}
