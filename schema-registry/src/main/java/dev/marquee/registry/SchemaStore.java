package dev.marquee.registry;

import java.util.List;

/** Where a registry keeps its {@link SchemaEntry entries}. The registry does not close the store it is given. */
public interface SchemaStore extends AutoCloseable {

    /** Every entry appended so far, oldest first, as loaded when the store was opened plus later appends. */
    List<SchemaEntry> entries();

    /** Stores the entry; it is durable when this returns. */
    void append(SchemaEntry entry);

    @Override
    default void close() {
    }
}
