package dev.marquee.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * One event schema, current and as recorded in {@code history/<Name>/v<N>.avsc}, and what is wrong with
 * its evolution: the current schema must read data written with every earlier version (BACKWARD,
 * transitive) and must be the newest history version.
 */
record SchemaEvolution(String name, Schema current, NavigableMap<Integer, Schema> history) {

    List<String> problems() {
        if (history.isEmpty()) {
            return List.of("%s has no history: copy src/main/avro/%s.avsc to history/%s/v1.avsc".formatted(name, name, name));
        }
        List<String> problems = new ArrayList<>();
        history.forEach((version, writer) -> {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer).getResult();
            if (result.getCompatibility() == SchemaCompatibilityType.INCOMPATIBLE) {
                problems.add("%s cannot read data written with history/%s/v%d.avsc (not BACKWARD compatible): %s"
                        .formatted(name, name, version, messages(result.getIncompatibilities())));
            }
        });
        Map.Entry<Integer, Schema> newest = history.lastEntry();
        if (!current.equals(newest.getValue())) {
            problems.add(("src/main/avro/%s.avsc differs from its newest history version v%d: "
                    + "add history/%s/v%d.avsc as a copy of it").formatted(name, newest.getKey(), name, newest.getKey() + 1));
        }
        return problems;
    }

    private static List<String> messages(List<Incompatibility> incompatibilities) {
        return incompatibilities.stream()
                .map(i -> "%s at %s: %s".formatted(i.getType(), i.getLocation(), i.getMessage()))
                .toList();
    }

    /** Every {@code <Name>.avsc} in {@code sources} with its versions under {@code historyRoot/<Name>/}. */
    static List<SchemaEvolution> load(Path sources, Path historyRoot) {
        try (Stream<Path> files = Files.list(sources)) {
            return files.filter(file -> file.toString().endsWith(".avsc"))
                    .sorted()
                    .map(file -> {
                        String name = file.getFileName().toString().replace(".avsc", "");
                        return new SchemaEvolution(name, parse(file), history(historyRoot.resolve(name)));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NavigableMap<Integer, Schema> history(Path directory) {
        NavigableMap<Integer, Schema> versions = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().matches("v\\d+\\.avsc"))
                    .forEach(file -> versions.put(version(file), parse(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    private static int version(Path file) {
        return Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
