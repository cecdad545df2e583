package dev.marquee.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps entries in memory only: for tests, and for a registry that may forget everything on restart. */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<SchemaEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public List<SchemaEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void append(SchemaEntry entry) {
        entries.add(entry);
    }
}
